import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { simulateReapply, streamJson } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/paths';
import { readInputs, simulateDir } from './helpers';

const streamed = (value: unknown, chunk?: number): { text: string; writes: number } => {
  let text = '';
  let writes = 0;
  streamJson(value, (s) => {
    text += s;
    writes++;
  }, chunk);
  return { text, writes };
};

const CASES = path.join(REPO_ROOT, 'test', 'simulator', 'cases');

describe('streamJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) does', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const values: unknown[] = [
      {}, [], 'text', 0, null, true, { a: [] }, { a: {} }, [[]], [{}], { a: 1, b: 'x\ny' },
      { list: [{ a: 1, nested: { deep: [1, { x: 'y' }] } }, [], {}, null, 'z', 2], more: { k: [3, 4] } },
      { skip: undefined, fn: () => 1, sym: Symbol('s'), keep: [undefined, () => 1, Symbol('s'), sparse] },
      { items: [new Date(Date.UTC(2024, 0, 1)), new Map([['a', 1]]), Object('boxed'), NaN, -0, Infinity] },
      { when: new Date(Date.UTC(2024, 0, 1)) }, [{ toJSON: (key: string) => `key ${key}` }], { custom: { toJSON: () => undefined }, b: 1 },
      Object.assign(Object.create(null) as object, { a: [{ b: 1 }] }), { '10': [1], '2': { '1': [] }, x: { 'a"b': 'c\u2028' } },
    ];
    for (const v of values) assert.equal(streamed(v).text, JSON.stringify(v, null, 2), JSON.stringify(v));
    assert.equal(streamed(undefined).text, '');
  });

  it('writes a simulation and a re-apply with its change report as JSON.stringify does, in pieces', () => {
    const sim = simulateDir(path.join(CASES, 'deployment-service', 'input'));
    assert.ok(sim.objects.some((o) => o.kind === 'Pod'));
    const out = streamed(sim, 4096);
    assert.equal(out.text, JSON.stringify(sim, null, 2));
    assert.ok(out.writes > 1, `${out.writes} writes`);
    const newFiles = readInputs(path.join(CASES, 'deployment-service', 'input'));
    const { after, changes } = simulateReapply(testEngine(), newFiles, newFiles.map((f) => ({ ...f, text: f.text.replace(/replicas: (\d+)/, (_, n: string) => `replicas: ${Number(n) + 1}`) })));
    assert.ok(changes.changed.length > 0, 'the re-apply changed something');
    const reapply = { ...after, changes };
    assert.equal(streamed(reapply).text, JSON.stringify(reapply, null, 2));
  });
});
