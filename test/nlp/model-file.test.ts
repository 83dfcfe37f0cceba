import assert from 'node:assert/strict';
import { InputError } from '../../src/errors';
import { KeyTable } from '../../ingest/nlp/hash';
import { decodeBundle, encodeBundle, type ModelBundle } from '../../ingest/nlp/model-file';
import { LinearModel } from '../../ingest/nlp/perceptron';

function model(nClasses: number, rows: [number, number[]][]): LinearModel {
  const table = new KeyTable(rows.length);
  const weights = new Float32Array(rows.length * nClasses);
  rows.forEach(([key, w], i) => {
    table.set(key, i);
    weights.set(w, i * nClasses);
  });
  return new LinearModel(nClasses, table, weights);
}

describe('model file', () => {
  const bundle: ModelBundle = {
    meta: { note: 'test' },
    posTags: ['NN', 'VB'],
    posDictionary: new Map([['the', 0]]),
    entityStarters: ['van'],
    lexicon: 'c\tOslo\t0101\n',
    gazetteers: [{ name: 'loc-test', entries: ['Oslo', 'Bergen'] }],
    models: {
      pos: model(2, [[7, [1, -1]], [3, [0.5, 0.25]]]),
      ner1: model(3, [[11, [0.1, 0.2, -0.3]]]),
      ner2: model(3, [[5, [2, 0, -2]]]),
    },
  };

  it('round-trips, with weights kept to within the int16 step', () => {
    const decoded = decodeBundle(encodeBundle(bundle));
    assert.deepEqual(decoded.posTags, bundle.posTags);
    assert.deepEqual([...decoded.posDictionary], [['the', 0]]);
    assert.deepEqual(decoded.gazetteers, bundle.gazetteers);
    const scores = new Float64Array(2);
    decoded.models.pos.addScores(Uint32Array.from([7, 3, 99]), 3, scores);
    assert.ok(Math.abs(scores[0]! - 1.5) < 1e-3 && Math.abs(scores[1]! + 0.75) < 1e-3, `got ${scores.join(', ')}`);
  });

  it('encodes the same bundle to the same bytes', () => {
    assert.ok(encodeBundle(bundle).equals(encodeBundle(bundle)));
  });

  it('refuses a file that is not a model, saying how to rebuild it', () => {
    assert.throws(() => decodeBundle(Buffer.from('hello world, not a model'), 'x.bin'), (e: unknown) => {
      return e instanceof InputError && /train:ner/.test(e.message);
    });
  });
});
