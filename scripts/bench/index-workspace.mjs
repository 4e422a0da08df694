// Bench: the time the language server takes to index a workspace of about
// 5,000 manifest files (gen-workspace.mjs split layout, apps/<app>/<kind>.yaml),
// from the `initialized` notification to the end of its work-done progress.
//   node scripts/bench/index-workspace.mjs [--files 5000] [--repeats 3]
// run.mjs calls measureIndexing(); run on its own it prints one line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { median, fmtMs } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const generator = path.resolve(root, '..', 'shared', 'bench', 'gen-workspace.mjs');
// gen-workspace writes about 5.3 files per app (ConfigMap, Secret, PVC, Deployment, Service, every 5th an Ingress, every 7th a StatefulSet).
const FILES_PER_APP = 5.33;

function countYaml(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countYaml(path.join(dir, e.name));
    else if (/\.ya?ml$/.test(e.name)) n++;
  }
  return n;
}

function splitWorkspace(files) {
  const apps = Math.ceil(files / FILES_PER_APP);
  const dir = path.join(os.tmpdir(), 'kubesim-bench', `split${apps}`);
  if (!fs.existsSync(path.join(dir, 'mistakes.json'))) execFileSync(process.execPath, [generator, String(apps), dir], { stdio: 'ignore' });
  // Only the split layout: all.yaml would index every object twice.
  const apps_ = path.join(dir, 'apps');
  return { dir: apps_, files: countYaml(apps_) };
}

/** A fresh server on the folder `dir`, with the time from `initialized` to the end of its indexing progress. */
export async function indexedServer(server, dir) {
  const client = new LspClient(process.execPath, [server, '--stdio']);
  let ended;
  const done = new Promise((resolve) => (ended = resolve));
  client.conn.onNotification('$/progress', (p) => {
    if (p?.value?.kind === 'end') ended(performance.now());
  });
  const rootUri = pathToFileURL(dir).href;
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const t0 = performance.now();
  client.conn.sendNotification('initialized', {});
  const t1 = await done;
  return { client, indexMs: t1 - t0 };
}

async function indexOnce(server, dir) {
  const { client, indexMs } = await indexedServer(server, dir);
  const rss = client.peakRssMb();
  const cpu = cpuMs(client.proc.pid);
  await client.shutdown();
  return { ms: indexMs, rss, cpu };
}

/** User + system CPU time of a process so far (Linux /proc; NaN elsewhere): less sensitive to a busy machine than wall time. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return NaN;
  }
}

/** Median time from `initialized` to the end of indexing, over `repeats` fresh servers. */
export async function measureIndexing({ files = 5000, repeats = 3 } = {}) {
  const server = path.join(root, 'dist', 'server.js');
  if (!fs.existsSync(generator)) return undefined;
  const ws = splitWorkspace(files);
  const runs = [];
  for (let r = 0; r < repeats; r++) runs.push(await indexOnce(server, ws.dir));
  return { files: ws.files, ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)), cpu: median(runs.map((r) => r.cpu)), load: os.loadavg()[0] };
}

export function describeIndexing(result) {
  if (!result) return 'not measured (../shared/bench/gen-workspace.mjs is missing)';
  return `${fmtMs(result.ms)} for ${result.files.toLocaleString('en-US')} files, from \`initialized\` to the end of the progress (server CPU time ${fmtMs(result.cpu)} including start-up, peak server RSS ${result.rss.toFixed(0)} MB, load average ${result.load.toFixed(1)} on ${os.cpus().length} cores)`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  process.on('uncaughtException', (e) => {
    if (e?.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  const result = await measureIndexing({ files: opt('files', 5000), repeats: opt('repeats', 3) });
  process.stdout.write(`- Indexing a 5,000-file workspace: ${describeIndexing(result)}\n`);
}
