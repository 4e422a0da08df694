#!/usr/bin/env node
// Keystroke → diagnostics latency on one file through the built server over
// stdio, the way the benchmark measures it, optionally under the profiler:
//   node scripts/bench/keystrokes.mjs FILE [keystrokes] [--cpu-prof DIR]
// Prints the open time, keystroke p50/p95 and the server's peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const profIdx = args.indexOf('--cpu-prof');
const profDir = profIdx >= 0 ? args.splice(profIdx, 2)[1] : undefined;
const [file, countArg] = args;
const count = Number(countArg ?? 40);
const text = fs.readFileSync(file, 'utf8');
const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
const client = new LspClient(process.execPath, [...nodeArgs, ...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []), path.join(root, 'dist', 'server.js'), '--stdio']);
client.settings = { maxFileSize: 1e9 };
await client.initialize(null, { settings: { maxFileSize: 1e9 } });
const uri = pathToFileURL(file).href;
let t0 = performance.now();
const first = client.diagnostics(uri, 1);
client.open(uri, text, 1);
await first;
console.log(`open → diagnostics ${(performance.now() - t0).toFixed(0)} ms`);
const at = text.indexOf('replicas: ', Math.floor(text.length / 2)) + 'replicas: '.length;
const before = text.slice(0, at);
const line = before.split('\n').length - 1;
const pos = { line, character: at - before.lastIndexOf('\n') - 1 };
const times = [];
for (let i = 0; i < count; i++) {
  t0 = performance.now();
  const got = client.diagnostics(uri, i + 2);
  client.change(uri, i + 2, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: String((i % 5) + 1) }]);
  await got;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`keystroke p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, peak RSS ${client.peakRssMb()} MB`);
await client.shutdown();
