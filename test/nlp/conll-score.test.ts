import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll } from '../../ingest/nlp/conll';
import { spansFromIob } from '../../ingest/nlp/labels';
import { EntityScorer } from '../../scripts/ner-score';

describe('CoNLL reading and entity scoring', () => {
  const file = join(__dirname, '../fixtures/nlp/iob1.conll');
  const docs = parseConll(readFileSync(file, 'utf8'), file);

  it('reads documents, sentences and IOB1 tags', () => {
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0]!.sentences.map((s) => s.words.length), [5, 3]);
    assert.deepEqual(
      docs[0]!.sentences.map((s) => spansFromIob(s.tags).map((x) => [x.start, x.end, x.type])),
      [
        [[0, 2, 0], [3, 4, 2]],
        [[0, 2, 1], [2, 3, 3]],
      ],
    );
  });

  it('counts an entity right only when both ends and the type match', () => {
    const scorer = new EntityScorer();
    const gold = spansFromIob(docs[0]!.sentences[0]!.tags);
    scorer.add(gold, [
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 1 },
      { start: 1, end: 2, type: 0 },
    ]);
    const r = scorer.report();
    assert.deepEqual(r.PER, { precision: 0.5, recall: 1, f1: 0.6667 });
    assert.deepEqual(r.LOC, { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(r.overall, { precision: 0.3333, recall: 0.5, f1: 0.4 });
  });
});
