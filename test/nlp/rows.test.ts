import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RowMemory } from '../../ingest/nlp/rows';
import { emptyLexicon } from '../../ingest/nlp/lexicon';
import { WordCache, WordInfo, shapeOf, shortShape } from '../../ingest/nlp/words';
import { hashString } from '../../ingest/nlp/hash';
import { assembleRowsum } from '../../scripts/build-wasm';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): (below: number) => number {
  let s = seed >>> 0;
  return (below) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % below;
  };
}

/** rows of c int32 from -span/2 to span/2, placed in the memory; their byte offsets and values */
function placeRows(memory: RowMemory, count: number, c: number, random: (below: number) => number, span = 2000): { at: number[]; values: Int32Array[] } {
  const at: number[] = [];
  const values: Int32Array[] = [];
  for (let r = 0; r < count; r++) {
    const row = Int32Array.from({ length: c }, () => random(span) - span / 2);
    values.push(row);
    at.push(memory.place(row));
  }
  return { at, values };
}

describe('row sums in WebAssembly', () => {
  it('the module the tagger loads is what rowsum.wat assembles to', async () => {
    const committed = readFileSync(join(__dirname, '../../ingest/nlp/rowsum-wasm.ts'), 'utf8');
    assert.equal(committed, await assembleRowsum(), 'run npm run build:wasm');
  });

  it('adds any number of rows for class counts on and off a multiple of four', () => {
    const random = generator(7);
    for (const c of [1, 3, 4, 5, 8, 17, 45]) {
      const memory = new RowMemory(c);
      const out = memory.alloc(memory.rowBytes);
      const list = memory.alloc(64 * 4);
      const rows = placeRows(memory, 40, c, random);
      for (const m of [0, 1, 2, 5, 13, 40]) {
        const chosen = Array.from({ length: m }, () => random(40));
        memory.i32.set(
          chosen.map((r) => rows.at[r]!),
          list >> 2,
        );
        memory.sum(out, list, m);
        const expected = new Int32Array(c);
        for (const r of chosen) for (let k = 0; k < c; k++) expected[k] += rows.values[r]![k]!;
        assert.deepEqual([...memory.i32.subarray(out >> 2, (out >> 2) + c)], [...expected], `c=${c} m=${m}`);
        // the padding lanes stay zero, so they cannot win a comparison by accident
        for (let k = c; k < memory.groups * 4; k++) assert.equal(memory.i32[(out >> 2) + k], 0);
      }
    }
  });

  it('picks the first highest allowed score, never a padding lane, and 0 when nothing is allowed', () => {
    const random = generator(11);
    for (const c of [1, 3, 5, 17, 45]) {
      const memory = new RowMemory(c);
      const scores = memory.alloc(memory.rowBytes);
      const mask = memory.alloc(memory.rowBytes);
      for (let trial = 0; trial < 300; trial++) {
        // few distinct values, all negative half the time: ties, and a zero padding lane would beat them
        const negative = trial % 2 === 0;
        const values = Array.from({ length: c }, () => (negative ? -1 - random(4) : random(4) - 2));
        const allowed = Array.from({ length: c }, () => random(3) !== 0);
        memory.i32.set(values, scores >> 2);
        memory.i32.set(
          allowed.map((a) => (a ? -1 : 0)),
          mask >> 2,
        );
        let expected = -1;
        for (let k = 0; k < c; k++) if (allowed[k] && (expected < 0 || values[k]! > values[expected]!)) expected = k;
        assert.equal(memory.pick(scores, mask), expected < 0 ? 0 : expected, `c=${c} values=${values} allowed=${allowed}`);
      }
    }
  });

  it('best is sum then pick', () => {
    const random = generator(3);
    const c = 17;
    const memory = new RowMemory(c);
    const scores = memory.alloc(memory.rowBytes);
    const list = memory.alloc(16 * 4);
    const mask = memory.place(Int32Array.from({ length: c }, (_, k) => (k % 3 === 0 ? 0 : -1)));
    const rows = placeRows(memory, 16, c, random);
    memory.i32.set(rows.at, list >> 2);
    const label = memory.best(scores, list, 16, mask);
    memory.sum(scores, list, 16);
    assert.equal(label, memory.pick(scores, mask));
    assert.notEqual(label % 3, 0);
  });

  it('keeps what was placed when the memory grows', () => {
    const random = generator(5);
    const memory = new RowMemory(45);
    const rows = placeRows(memory, 10, 45, random);
    const before = memory.i32.buffer.byteLength;
    assert.ok(memory.reserve(before * 3));
    assert.ok(memory.i32.buffer.byteLength >= before * 3);
    for (let r = 0; r < 10; r++) assert.deepEqual([...memory.i32.subarray(rows.at[r]! >> 2, (rows.at[r]! >> 2) + 45)], [...rows.values[r]!]);
    assert.equal(memory.reserve(before), false, 'no growth when there is room');
  });
});

describe('word cache and word infos', () => {
  it('hashes a word\'s shapes as the shape strings would hash, whatever its characters and length', () => {
    const words = ['Esper', 'NATO', 'U.S.', '12,000', 'x', '', 'al-Rashid', 'McDonald\'s', 'Zürich', 'naïve', 'ÉCOLE', '7-Eleven',
      'abcdefghijkl', 'abcdefghijklm', 'ABCDEFGHIJK+', 'ABCDEFGHIJK++', 'aaaaaaaaaaaa+', '2020-02-13T23:30', 'e-mail', '«', '"', '—', 'Ωmega', 'C3PO'];
    for (const word of words) {
      const info = new WordInfo(word, emptyLexicon());
      const shape = shapeOf(word);
      assert.equal(info.shapeH, hashString(shape), `${word}: ${shape}`);
      assert.equal(info.shortShapeH, hashString(shortShape(shape)), `${word}: ${shortShape(shape)}`);
    }
  });

  it('finds a word by its place in a text as by the word itself, through the table growing', () => {
    const cache = new WordCache(emptyLexicon(), 1 << 20);
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    let at = 0;
    const infos = words.map((w) => {
      const info = cache.at(text, at, at + w.length);
      at += w.length + 1;
      return info;
    });
    assert.equal(cache.size, 5000);
    words.forEach((w, i) => {
      assert.equal(cache.get(w), infos[i], w);
      assert.equal(infos[i]!.word, w);
      assert.equal(infos[i]!.id, i);
    });
    assert.equal(cache.at('say w0 now', 4, 6), infos[0]);
    assert.notEqual(cache.at('w00', 0, 3), infos[0], 'a longer word with the same start is another word');
  });
});
