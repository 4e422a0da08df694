#!/usr/bin/env node
// The same open four times in one process: the first is cold (parser,
// validators and rules not yet compiled by the JIT), the others warm. Each
// text differs on every line, so no document comes from the parse cache.
//   node scripts/bench/cold-warm.mjs FILE.yaml        (needs `npx tsc -p .`: reads out/)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = (p) => require(path.join(root, 'out', 'server', 'src', p));
const { Engine } = out('engine/check.js');
const { Workspace } = out('engine/workspace.js');
const { loadSchemaBundle } = out('node/schemaBundle.js');
const { loadPrecompiledValidators } = out('node/validators.js');

const text = fs.readFileSync(process.argv[2], 'utf8');
const engine = new Engine(loadSchemaBundle(), () => {}, loadPrecompiledValidators());
for (let i = 0; i < 4; i++) {
  const ws = new Workspace(engine);
  const uri = `file:///open-${i}.yaml`;
  const t0 = performance.now();
  ws.setFile(uri, text.replace(/\n/g, ` #${i}\n`));
  const n = ws.diagnostics(uri).length;
  console.log(`open ${i === 0 ? 'cold' : 'warm'}: ${(performance.now() - t0).toFixed(1)} ms, ${n} diagnostics`);
}
