#!/usr/bin/env node
// Cold open, measured as `npm run bench` does (spawn, initialize, initialized,
// then the clock runs from didOpen to the file's first publishDiagnostics),
// repeated, for one or more server bundles in alternation so that a busy
// machine slows them alike. Prints the median per bundle, of the wall time
// and of the CPU time the server spent in it (less disturbed by other load).
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

/** CPU time the server process has used so far (Linux /proc, in clock ticks of 10 ms); NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function once(server) {
  const client = new LspClient(process.execPath, [server, '--stdio']);
  client.settings = { maxFileSize: 1e9 };
  await client.initialize(null, { settings: { maxFileSize: 1e9 } });
  const c0 = cpuMs(client.proc.pid);
  const t0 = performance.now();
  const got = client.diagnostics(uri, 1);
  client.open(uri, text, 1);
  const published = await got;
  const ms = performance.now() - t0;
  const cpu = cpuMs(client.proc.pid) - c0;
  await client.shutdown();
  return { ms, cpu, count: published.diagnostics.length };
}

const times = new Map(servers.map((s) => [s, []]));
const cpus = new Map(servers.map((s) => [s, []]));
const counts = new Map(servers.map((s) => [s, new Set()]));
for (let r = 0; r < runs; r++) {
  for (const s of r % 2 ? [...servers].reverse() : servers) {
    const { ms, cpu, count } = await once(s);
    times.get(s).push(ms);
    cpus.get(s).push(cpu);
    counts.get(s).add(count);
  }
}
for (const s of servers) {
  const t = times.get(s).sort((a, b) => a - b);
  console.log(`${path.relative(process.cwd(), s)}: median ${fmtMs(median(t))} (min ${fmtMs(t[0])}, max ${fmtMs(t[t.length - 1])}), server CPU median ${fmtMs(median(cpus.get(s)))}, ${runs} runs; diagnostics ${[...counts.get(s)].join('/')})`);
}
