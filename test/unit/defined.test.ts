import assert from 'node:assert/strict';
import { definedFields } from '../../src/util/defined';

describe('util: definedFields', () => {
  it('drops undefined fields and the one left out, keeps the rest in order, and copies', () => {
    const value = { id: 1, head: undefined, name: 'Mark Esper', weak: true, count: 0, within: undefined, keys: [] as string[] };
    const out = definedFields(value, 'weak');
    assert.deepEqual(Object.keys(out), ['id', 'name', 'count', 'keys']);
    assert.deepEqual(out, { id: 1, name: 'Mark Esper', count: 0, keys: [] });
    assert.notEqual(out, value);
    assert.equal(out.keys, value.keys);
    assert.deepEqual(Object.keys(value), ['id', 'head', 'name', 'weak', 'count', 'within', 'keys']);
  });

  it('keeps null, false, 0 and empty strings: only undefined means absent', () => {
    assert.deepEqual(definedFields({ a: null, b: false, c: 0, d: '' }), { a: null, b: false, c: 0, d: '' });
  });
});
