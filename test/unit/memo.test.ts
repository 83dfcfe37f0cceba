import assert from 'node:assert/strict';
import { memoised } from '../../src/util/memo';

describe('memoised', () => {
  it('computes each key once, gives the same answer, and forgets everything when the limit is reached', () => {
    const asked: string[] = [];
    const upper = memoised((key) => {
      asked.push(key);
      return key.toUpperCase();
    }, 3);
    assert.equal(upper('esper'), 'ESPER');
    assert.equal(upper('esper'), 'ESPER');
    upper('nato');
    upper('kabul');
    assert.deepEqual(asked, ['esper', 'nato', 'kabul']);
    // a fourth key: the three kept answers go, so memory stays bounded on an endless stream of new words
    upper('doha');
    upper('esper');
    assert.deepEqual(asked, ['esper', 'nato', 'kabul', 'doha', 'esper']);
  });
});
