import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText } from '../../server/src/simulator/index';
import { fromRoot } from '../helpers/paths';
import { simulateDir } from './helpers';

describe('simulator determinism', () => {
  const dir = fromRoot('test', 'simulator', 'cases', 'statefulset-storage', 'input');

  it('gives byte-identical JSON and text for the same input and seed', () => {
    const a = simulateDir(dir, 7);
    const b = simulateDir(dir, 7);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.equal(formatText(a), formatText(b));
  });

  it('draws uids, IPs and pod names from the seed, so another seed gives other values', () => {
    const a = JSON.stringify(simulateDir(dir, 1));
    const b = JSON.stringify(simulateDir(dir, 2));
    assert.notEqual(a, b);
  });
});
