import assert from 'node:assert/strict';
import { bilouFromSpans, labelName, spansFromBilou, spansFromIob } from '../../ingest/nlp/labels';

describe('entity labels', () => {
  const cases: [string, string[], [number, number, number][]][] = [
    ['IOB2', ['B-PER', 'I-PER', 'O', 'B-LOC'], [[0, 2, 0], [3, 4, 2]]],
    ['IOB1 (I- opens an entity)', ['I-ORG', 'I-ORG', 'O', 'I-LOC'], [[0, 2, 1], [3, 4, 2]]],
    ['IOB1 B- between two adjacent entities', ['I-LOC', 'B-LOC', 'O'], [[0, 1, 2], [1, 2, 2]]],
    ['a type change without B-', ['I-PER', 'I-ORG'], [[0, 1, 0], [1, 2, 1]]],
    ['BILOU', ['B-MISC', 'L-MISC', 'U-PER'], [[0, 2, 3], [2, 3, 0]]],
  ];
  for (const [name, tags, expected] of cases) {
    it(`reads ${name}`, () => {
      assert.deepEqual(
        spansFromIob(tags).map((s) => [s.start, s.end, s.type]),
        expected,
      );
    });
  }

  it('round-trips spans through BILOU labels', () => {
    const spans = [
      { start: 0, end: 1, type: 0 },
      { start: 2, end: 5, type: 1 },
      { start: 5, end: 7, type: 3 },
    ];
    const labels = bilouFromSpans(spans, 8);
    assert.deepEqual([...labels].map(labelName), ['U-PER', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'B-MISC', 'L-MISC', 'O']);
    assert.deepEqual(spansFromBilou(labels, 0, 8), spans);
  });
});
