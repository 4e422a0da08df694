#!/usr/bin/env node
// A focused in-process profile of what the server does per file open and per
// keystroke (parse, check, workspace rules, offset → position conversion),
// without the protocol. Run with --cpu-prof to see the hot spots:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/profile.mjs WORKSPACE_DIR/all.yaml [keystrokes]
// Needs `npx tsc -p .` (reads out/).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = process.env.KUBESIM_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = (p) => require(path.join(root, 'out', 'server', 'src', p));
const { Engine } = out('engine/check.js');
const { Workspace } = out('engine/workspace.js');
const { LineIndex } = out('engine/text/lineIndex.js');
const { loadSchemaBundle } = out('node/schemaBundle.js');
const { loadPrecompiledValidators } = out('node/validators.js');

const file = process.argv[2];
const keystrokes = Number(process.argv[3] ?? 20);
const text = fs.readFileSync(file, 'utf8');
const t = () => performance.now();
let t0 = t();
const engine = new Engine(loadSchemaBundle(), () => {}, loadPrecompiledValidators());
const ws = new Workspace(engine);
console.log(`load ${(t() - t0).toFixed(0)} ms`);
const convert = (txt, diags) => {
  const idx = new LineIndex(txt);
  return diags.map((d) => [idx.positionAt(d.span.start), idx.positionAt(d.span.end)]);
};
t0 = t();
ws.setFile('file:///all.yaml', text);
const d = ws.diagnostics('file:///all.yaml');
convert(text, d);
console.log(`open ${(t() - t0).toFixed(0)} ms, ${d.length} diagnostics, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
const at = text.indexOf('replicas: ', Math.floor(text.length / 2)) + 'replicas: '.length;
const times = [];
const cpus = [];
for (let i = 0; i < keystrokes; i++) {
  const next = text.slice(0, at) + String((i % 5) + 1) + text.slice(at + 1);
  t0 = t();
  const c0 = process.cpuUsage();
  ws.setFile('file:///all.yaml', next);
  convert(next, ws.diagnostics('file:///all.yaml'));
  times.push(t() - t0);
  const c = process.cpuUsage(c0);
  cpus.push((c.user + c.system) / 1000);
}
times.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
console.log(`keystroke CPU p50 ${cpus[Math.floor(cpus.length / 2)].toFixed(1)} ms`);
console.log(`keystroke p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
