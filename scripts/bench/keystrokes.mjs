#!/usr/bin/env node
// Keystroke → diagnostics latency on one file through the built server over
// stdio, the way the benchmark measures it, optionally under the profiler:
//   node scripts/bench/keystrokes.mjs FILE [keystrokes] [--cpu-prof DIR]
// Prints the open time, keystroke p50/p95 and the server's peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, positionAt } from './lsp-client.mjs';

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
console.log(`open → diagnostics ${(await client.openTimed(uri, text)).toFixed(0)} ms`);
const pos = positionAt(text, text.indexOf('replicas: ', Math.floor(text.length / 2)) + 'replicas: '.length);
const times = await client.typeDigits(uri, pos, count);
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`keystroke p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, peak RSS ${client.peakRssMb()} MB`);
await client.shutdown();
