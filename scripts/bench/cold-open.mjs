#!/usr/bin/env node
// Cold open, measured as `npm run bench` does (spawn, initialize, initialized,
// then the clock runs from didOpen to the file's first publishDiagnostics),
// repeated, for one or more server bundles in alternation so that a busy
// machine slows them alike. Prints the median per bundle.
//   node scripts/bench/cold-open.mjs FILE.yaml [--runs 15] [SERVER.js ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { median, fmtMs } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 15;
const [file, ...given] = args;
if (!file || !fs.existsSync(file)) {
  console.error('usage: cold-open.mjs FILE.yaml [--runs N] [SERVER.js ...]');
  process.exit(2);
}
const servers = given.length ? given.map((s) => path.resolve(s)) : [path.join(root, 'dist', 'server.js')];
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(path.resolve(file)).href;

process.on('uncaughtException', (e) => {
  if (e?.code !== 'ERR_STREAM_DESTROYED') throw e;
});

async function once(server) {
  const client = new LspClient(process.execPath, [server, '--stdio']);
  client.settings = { maxFileSize: 1e9 };
  await client.initialize(null, { settings: { maxFileSize: 1e9 } });
  const t0 = performance.now();
  const got = client.diagnostics(uri, 1);
  client.open(uri, text, 1);
  const published = await got;
  const ms = performance.now() - t0;
  await client.shutdown();
  return { ms, count: published.diagnostics.length };
}

const times = new Map(servers.map((s) => [s, []]));
const counts = new Map(servers.map((s) => [s, new Set()]));
for (let r = 0; r < runs; r++) {
  for (const s of r % 2 ? [...servers].reverse() : servers) {
    const { ms, count } = await once(s);
    times.get(s).push(ms);
    counts.get(s).add(count);
  }
}
for (const s of servers) {
  const t = times.get(s).sort((a, b) => a - b);
  console.log(`${path.relative(process.cwd(), s)}: median ${fmtMs(median(t))} (min ${fmtMs(t[0])}, max ${fmtMs(t[t.length - 1])}, ${runs} runs; diagnostics ${[...counts.get(s)].join('/')})`);
}
