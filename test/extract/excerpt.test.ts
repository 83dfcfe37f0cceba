import assert from 'node:assert/strict';
import { MAX_EVIDENCE_CHARS, evidenceExcerpt } from '../../ingest/extract/excerpt';
import { extract } from './helpers';

/** Filler words with no full stop: scraped pages run on like this for pages. */
const filler = (words: number): string => Array.from({ length: words }, (_, i) => ['river', 'market', 'quiet', 'harbour', 'morning'][i % 5]).join(' ');

describe('extract: evidence excerpts', function () {
  this.timeout(20000);

  const long = `${filler(400)} Olaf Scholz visited Warsaw on Tuesday ${filler(400)}`;
  const at = (s: string): [number, number] => [long.indexOf(s), long.indexOf(s) + s.length];

  const ROWS: Array<[string, string, number, number, Array<[number, number]>]> = [
    ['a short sentence is kept whole', 'Olaf Scholz visited Warsaw.', 0, 27, [[0, 11], [20, 26]]],
    ['a long one is cut around the mentions', long, 0, long.length, [at('Olaf Scholz'), at('Warsaw')]],
    ['mentions at its start: the room goes to the end', long, 0, long.length, [[0, 5], [6, 12]]],
    ['mentions at its end: the room goes to the start', long, 0, long.length, [[long.length - 12, long.length - 6], [long.length - 5, long.length]]],
    ['no spans: the start of the sentence', long, 0, long.length, []],
  ];
  for (const [name, text, start, end, spans] of ROWS) {
    it(name, () => {
      const x = evidenceExcerpt(text, start, end, spans);
      if (end - start <= MAX_EVIDENCE_CHARS) return assert.deepEqual(x, { start, end });
      assert.ok(x.end - x.start <= MAX_EVIDENCE_CHARS + 80, `excerpt of ${x.end - x.start} characters`);
      assert.ok(x.end - x.start >= MAX_EVIDENCE_CHARS - 80, `excerpt of ${x.end - x.start} characters uses its room`);
      for (const [s, e] of spans) assert.ok(x.start <= s && e <= x.end, `span ${s}-${e} in ${x.start}-${x.end}`);
      assert.ok(x.start === start || /\s/.test(text[x.start - 1]!), 'opens on a word');
      assert.ok(x.end === end || /\s/.test(text[x.end]!), 'closes on a word');
    });
  }

  it('holds the cap when the mentions are further apart than it: a window on the first mention', () => {
    const text = `${filler(100)} Olaf Scholz ${filler(300)} Warsaw`;
    const subject: [number, number] = [text.indexOf('Olaf'), text.indexOf('Olaf') + 11];
    const x = evidenceExcerpt(text, 0, text.length, [subject, [text.length - 6, text.length]]);
    assert.ok(x.end - x.start <= MAX_EVIDENCE_CHARS + 80, `excerpt of ${x.end - x.start} characters`);
    assert.ok(x.start <= subject[0] && subject[1] <= x.end);
  });

  it('a fact found in a page-long sentence stores an excerpt that is still an exact slice with both mentions', () => {
    const doc = extract(long);
    const fact = doc.relations.find((r) => r.predicate === 'VISITED');
    assert.ok(fact, `facts: ${doc.relations.map((r) => r.predicate).join(', ')}`);
    const ev = fact.evidence[0]!;
    assert.ok(long.length > 5000 && ev.sentence.length <= 1100, `stored ${ev.sentence.length} of ${long.length} characters`);
    assert.equal(long.slice(ev.start, ev.end), ev.sentence);
    assert.match(ev.sentence, /Olaf Scholz visited Warsaw/);
    assert.ok(ev.start <= ev.subjectSpan![0] && ev.objectSpan![1] <= ev.end);
  });
});
