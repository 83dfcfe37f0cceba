import assert from 'node:assert/strict';
import { defaultModelPath, loadNlp } from '../../ingest/nlp';
import { readBundle } from '../../ingest/nlp/model-file';
import { FrozenModel } from '../../ingest/nlp/frozen';
import { KeyTable } from '../../ingest/nlp/hash';
import { LinearModel } from '../../ingest/nlp/perceptron';
import { Recognizer } from '../../ingest/nlp/recognizer';
import type { SequenceDoc } from '../../ingest/nlp/sequence';
import { splitSentences } from '../../ingest/nlp/sentences';
import { tokenize } from '../../ingest/nlp/tokenize';
import { WordCache, type WordInfo } from '../../ingest/nlp/words';
import { emptyLexicon } from '../../ingest/nlp/lexicon';

/** Text written for these tests: headlines in capitals, numbers, names, quotes, odd punctuation. */
const TEXTS = [
  'GRAIN SHIPMENTS TO ROTTERDAM RISE 12 PCT\n\nShipments of wheat through the port of Rotterdam rose 12.5 pct in March, the Dutch grain board said on Tuesday.',
  'Prime Minister Elena Varga told reporters in Budapest that talks with the European Commission would resume "within days".',
  'The van Buren family sold 4,500 shares of Northwind Traders Inc. to al-Rashid Holdings for $3.2 million, a filing showed.',
  'Striker Tomas Oduya scored twice as Real Sociedad beat Getafe 3-1; coach Ana Ruiz said: "We deserved it."',
  'U.S. Sen. John Marsh (R-Ohio) met Gen. Lee Park at the Pentagon on Feb. 13 to discuss NATO troop levels in Kosovo.',
];

interface Internals {
  cache: WordCache;
}

function docOf(recognizer: Recognizer, text: string): SequenceDoc {
  const spans = tokenize(text);
  const words: string[] = [];
  for (let i = 0; i < spans.count; i++) words.push(text.slice(spans.starts[i], spans.ends[i]));
  const sentences = splitSentences(text, spans);
  const cache = (recognizer as unknown as Internals).cache;
  return { n: words.length, infos: words.map((w) => cache.get(w)), sentenceStarts: sentences.tokenStarts, sentenceCount: sentences.count };
}

describe('run-time tagger', function () {
  this.timeout(10_000);
  const nlp = loadNlp();
  const recognizer = (nlp as unknown as { recognizer: Recognizer }).recognizer;
  const internals = recognizer as unknown as Internals;

  it('compiled context scoring gives the same tags as scoring every feature key one by one', () => {
    const reference = new Recognizer(readBundle(defaultModelPath()), false);
    for (const text of TEXTS) {
      const doc = docOf(recognizer, text);
      const words = doc.infos.map((info) => info.word);
      const fast = recognizer.tag(words, doc.sentenceStarts, doc.sentenceCount);
      const slow = reference.tag(words, doc.sentenceStarts, doc.sentenceCount);
      assert.deepEqual([...fast.pos], [...slow.pos], text);
      assert.deepEqual([...fast.entities], [...slow.entities], text);
      assert.ok(fast.entities.some((l) => l !== 0), 'the texts have names');
    }
  });

  it('gives the same entities with a cold cache, a warm one and after the cache was emptied', () => {
    const labels = (): string[] => TEXTS.map((t) => [...nlp.annotate(t).entityLabels].join(','));
    const first = labels();
    assert.deepEqual(labels(), first);
    // a cache that empties after every document: ids are reused, kept per-word scores must not be
    const small = new WordCache(emptyLexicon(), 4);
    small.get('a');
    const b = small.get('b');
    small.get('b');
    small.get('b');
    const before = small.generation;
    for (let i = 0; i < 10; i++) small.get(`w${i}`);
    const kept = small.get('w9');
    small.trim([kept]);
    // `keep`, then the limit / 2 most used words ('b' three times, 'w9' twice, then the oldest of the rest), renumbered in old order
    assert.equal(small.generation, before + 1);
    assert.equal(small.size, 3);
    assert.deepEqual([b.id, small.get('a').id, kept.id], [1, 0, 2]);
    assert.equal(small.get('b'), b);
    assert.deepEqual([...small.remap!], [0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 2]);
    const cache = internals.cache as unknown as { limit: number };
    const limit = cache.limit;
    try {
      (cache as { limit: number }).limit = 1;
      assert.deepEqual(labels(), first);
      assert.ok(internals.cache.size < 200, 'the cache is emptied between documents');
      // a trim that keeps the most used words: the taggers move those words' kept scores to their new ids
      (cache as { limit: number }).limit = 40;
      const generation = internals.cache.generation;
      assert.deepEqual(labels(), first);
      assert.deepEqual(labels(), first);
      assert.ok(internals.cache.generation > generation + 1, 'the cache was trimmed between documents');
    } finally {
      cache.limit = limit;
    }
  });

  it('gives the same tags when the cache trimmed twice between two documents (the taggers reuse their rows from the first)', () => {
    const fresh = new Recognizer(readBundle(defaultModelPath()));
    const cache = (fresh as unknown as Internals).cache as WordCache & { limit: number };
    const tagAll = (): string[] =>
      TEXTS.map((text) => {
        const doc = docOf(fresh, text);
        const tagged = fresh.tag(
          doc.infos.map((info) => info.word),
          doc.sentenceStarts,
          doc.sentenceCount,
        );
        return `${[...tagged.pos].join(',')}|${[...tagged.entities].join(',')}`;
      });
    const first = tagAll();
    cache.limit = 40;
    const generation = cache.generation;
    // the sentence-boundary words stay, as they do when the recogniser trims
    const edge = (fresh as unknown as { edge: { before: WordInfo; after: WordInfo } }).edge;
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 100; k++) cache.get(`filler${round}-${k}`);
      cache.trim([edge.before, edge.after]);
    }
    // two trims with no tagging between them: the taggers cannot follow the ids and start again from row 0
    assert.equal(cache.generation, generation + 2);
    assert.deepEqual(tagAll(), first);
  });

  it('scores a frozen model exactly, as integers of the stored int16 steps', () => {
    const table = new KeyTable(4);
    table.set(7, 0);
    table.set(0, 1);
    const model = new LinearModel(2, table, Int16Array.from([3, -2, 5, 1]), 0.5);
    const frozen = new FrozenModel(model);
    const scores = new Int32Array(2);
    frozen.add(7, scores, 0);
    frozen.add(0, scores, 0);
    frozen.add(12345, scores, 0);
    assert.deepEqual([...scores], [8, -1]);
    const floats = new Float64Array(2);
    model.addScores(Uint32Array.from([7, 0]), 2, floats);
    assert.deepEqual([...floats], [4, -0.5]);
  });
});
