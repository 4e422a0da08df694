import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, sameJson } from '../../server/src/simulator/hash';

describe('sameJson', () => {
  it('agrees with comparing canonical JSON', () => {
    const values: unknown[] = [
      null, undefined, 0, 1, '1', true, [], {}, [1, 2], [2, 1], [1, undefined], [1, null],
      { a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: undefined }, { a: 1 }, { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }, { a: null }, { a: [] },
    ];
    for (const a of values) for (const b of values) assert.equal(sameJson(a, b), canonicalJson(a) === canonicalJson(b), `${canonicalJson(a)} vs ${canonicalJson(b)}`);
  });
});
