import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remembered } from '../../server/src/engine/util/memo';

describe('remembered', () => {
  it('computes each key once, undefined answers included', () => {
    const calls: string[] = [];
    const f = remembered((k) => {
      calls.push(k);
      return k === 'none' ? undefined : k.length;
    });
    assert.deepEqual([f('ab'), f('none'), f('ab'), f('none'), f('abc')], [2, undefined, 2, undefined, 3]);
    assert.deepEqual(calls, ['ab', 'none', 'abc']);
  });

  it('starts again empty past its size, so memory stays bounded', () => {
    let calls = 0;
    const f = remembered((k) => (calls++, k), 2);
    f('a');
    f('b');
    f('c'); // the table was full: it starts again with c
    f('c');
    assert.equal(calls, 3);
    f('a');
    assert.equal(calls, 4);
  });

  it('remembers nothing when compute throws', () => {
    let calls = 0;
    const f = remembered((k) => {
      calls++;
      if (k === 'bad') throw new Error('no');
      return k;
    });
    assert.throws(() => f('bad'));
    assert.throws(() => f('bad'));
    assert.equal(calls, 2);
  });
});
