import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';
import { simulateSources, streamJson, type RunOptions, type SimResult, type SourceText } from '../../server/src/simulator/index';
import { inputsFromSources } from '../../server/src/simulator/apiserver/inputs';
import { isPlainJson } from '../../server/src/simulator/obj';
import { testEngine } from '../helpers/engine';
import { fromRoot, SHARED } from '../helpers/paths';
import { clusterOf, readInputs } from './helpers';

/**
 * An engine without a parse cache (the CLI's plain `simulate`) parses each
 * document for that one apply, so the apply stores a plain-JSON value as it
 * is instead of copying it (SimInput.owned). That must change nothing: every
 * golden case, values that are not plain JSON (which are still copied) and
 * the Online Boutique give byte-identical output with and without the cache.
 */
const json = (r: SimResult): string => {
  let s = '';
  streamJson(r, (piece) => (s += piece));
  return s;
};

const uncached = (): Engine =>
  new Engine(loadSchemaBundle(), (id, e) => {
    throw new Error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`);
  }, loadPrecompiledValidators(), null);

// Accepted objects whose values JSON would change: -0 (kept as 0 by a copy), and a plain one beside them.
const NOT_PLAIN = `apiVersion: apps/v1
kind: Deployment
metadata: {name: minus-zero}
spec:
  replicas: -0
  selector: {matchLabels: {app: z}}
  template: {metadata: {labels: {app: z}}, spec: {terminationGracePeriodSeconds: -0, containers: [{name: app, image: "busybox:1.36"}]}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
data:
  key: value
`;

describe('inputs the apply may keep', () => {
  it('are marked owned only by an engine without a parse cache', () => {
    const files: SourceText[] = [{ source: 'odd.yaml', text: NOT_PLAIN }];
    const owned = inputsFromSources(uncached(), files);
    assert.ok(owned.every((i) => i.owned === true));
    assert.deepEqual(owned.map((i) => isPlainJson(i.value)), [false, true]);
    assert.ok(inputsFromSources(testEngine(), files).every((i) => !i.owned));
    // Both are applied, so both branches (copied and kept) run in the comparison below.
    assert.deepEqual(simulateSources(uncached(), files, { seed: 1 }).apply.map((a) => a.result), ['created', 'created']);
  });

  const cases: { name: string; files: SourceText[]; opts: RunOptions }[] = [{ name: 'values that are not plain JSON', files: [{ source: 'odd.yaml', text: NOT_PLAIN }], opts: { seed: 1 } }];
  const root = fromRoot('test', 'simulator', 'cases');
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    if (fs.existsSync(path.join(dir, 'old'))) continue; // a re-apply parses two versions and keeps its cache
    cases.push({ name, files: readInputs(path.join(dir, 'input')), opts: { seed: 1, ...(fs.existsSync(path.join(dir, 'cluster.yaml')) ? { cluster: clusterOf(path.join(dir, 'cluster.yaml')) } : {}) } });
  }
  const boutique = path.join(SHARED, 'corpus', 'microservices-demo', 'release', 'kubernetes-manifests.yaml');
  if (fs.existsSync(boutique)) cases.push({ name: 'online boutique', files: [{ source: 'kubernetes-manifests.yaml', text: fs.readFileSync(boutique, 'utf8') }], opts: { seed: 1 } });

  for (const c of cases) {
    it(`simulate the same: ${c.name}`, () => {
      assert.equal(json(simulateSources(uncached(), c.files, c.opts)), json(simulateSources(testEngine(), c.files, c.opts)));
    });
  }
});
