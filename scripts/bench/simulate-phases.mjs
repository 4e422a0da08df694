#!/usr/bin/env node
// What `kubesim simulate FILE --cluster CLUSTER --format json` spends its CPU on,
// in-process and phase by phase, as the CLI runs them: loading the engine,
// parsing and checking the manifests into apply inputs, the simulation proper
// (apply, then the control loops until they settle), and the JSON output.
//   node scripts/bench/simulate-phases.mjs WORKSPACE/all.yaml CLUSTER.yaml [repeats]
// Prints one JSON object per line (CPU milliseconds per phase). Needs `npx tsc -p .` (reads out/).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = process.env.KUBESIM_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = (p) => require(path.join(root, 'out', 'server', 'src', p));
const { Engine } = out('engine/check.js');
const { loadSchemaBundle } = out('node/schemaBundle.js');
const { loadPrecompiledValidators } = out('node/validators.js');
const { readClusterFile } = out('node/clusterFile.js');
const { rejectingRules } = out('simulator/index.js');
const { inputsFromSources } = out('simulator/apiserver/inputs.js');
const { applyAll, result, startCluster } = out('simulator/simulate.js');
const { defaultConfig } = out('simulator/random.js');
// The CLI writes the JSON in pieces (simulator/output/json.ts); builds before it made one string.
const streamJson = (() => {
  try {
    return out('simulator/output/json.js').streamJson;
  } catch {
    return (value, write) => write(JSON.stringify(value, null, 2));
  }
})();

const [file, clusterFile, repeatsArg] = process.argv.slice(2);
if (!file || !clusterFile) {
  console.error('usage: simulate-phases.mjs FILE CLUSTER.yaml [repeats]');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

for (let r = 0; r < Number(repeatsArg ?? 1); r++) {
  const t = { start: cpu() };
  // A fresh engine each time, without a parse cache, as the CLI's plain simulate has (so the apply keeps the parsed values).
  const engine = new Engine(loadSchemaBundle(), () => {}, loadPrecompiledValidators(), null);
  engine.rules = rejectingRules(engine.rules);
  const cluster = readClusterFile(engine, clusterFile, path.basename(clusterFile));
  t.load = cpu();
  // The same options simulateSources gives (simulator/index.ts: simOptions, checkOptions).
  const options = { defaultNamespace: 'default', cluster, isServed: (apiVersion, kind) => engine.bundle.kinds[`${apiVersion}:${kind}`] !== undefined };
  const inputs = inputsFromSources(engine, [{ source: path.basename(file), text }], { k8sVersion: '1.28', defaultNamespace: 'default' });
  t.parse = cpu();
  const sim = startCluster(defaultConfig(1), options);
  const apply = applyAll(sim, inputs, options);
  const res = result(sim, apply, options, false);
  t.simulate = cpu();
  // The JSON as the CLI produces it, handed to a sink that only counts (writing it out is I/O, not measured).
  let jsonBytes = 0;
  streamJson(res, (piece) => {
    jsonBytes += piece.length;
  });
  t.output = cpu();
  console.log(JSON.stringify({
    loadMs: Math.round(t.load - t.start),
    parseAndCheckMs: Math.round(t.parse - t.load),
    simulateMs: Math.round(t.simulate - t.parse),
    jsonMs: Math.round(t.output - t.simulate),
    objects: res.objects.length,
    applied: apply.length,
    jsonBytes,
  }));
}
