#!/usr/bin/env node
// npm run bench: measures the built server (dist/server.js) over LSP on stdio,
// as an editor uses it, on workspaces from ../shared/bench/gen-workspace.mjs,
// and the CLI's throughput next to the raw `yaml` parse of the same bytes.
// Prints a markdown table and writes it to BENCHMARKS.md.
//   node scripts/bench/run.mjs [--sizes 10,100,1000] [--repeats 3] [--quick]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { measureEditorSimulate, describeEditorSimulate } from './editor-simulate.mjs';
import { LspClient, positionAt } from './lsp-client.mjs';
import { median, percentile, fmtMs } from './stats.mjs';
import { describeIndexing, measureIndexing } from './index-workspace.mjs';
import { measureSplitRepeated } from './split-layout.mjs';
import { measureYlsp, yamlLanguageServer } from './yaml-language-server.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const quick = args.includes('--quick');
const sizes = opt('sizes', quick ? '10,100' : '10,100,1000').split(',').map(Number);
const repeats = Number(opt('repeats', quick ? 1 : 3));
const samples = quick ? 10 : 40;
const generator = path.resolve(root, '..', 'shared', 'bench', 'gen-workspace.mjs');
if (!fs.existsSync(generator)) {
  console.error(`bench: ${generator} not found; the benchmark needs ../shared/bench beside the repository.`);
  process.exit(2);
}
const server = path.join(root, 'dist', 'server.js');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(server)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const cacheDir = path.join(os.tmpdir(), 'kubesim-bench');
function workspace(n) {
  const dir = path.join(cacheDir, `ws${n}`);
  if (!fs.existsSync(path.join(dir, 'mistakes.json'))) execFileSync(process.execPath, [generator, String(n), dir], { stdio: 'ignore' });
  return dir;
}

/** Offset of the middle document's `replicas:` value, the spot the keystroke benchmark edits. */
function editSpot(text) {
  const mid = Math.floor(text.length / 2);
  const at = text.indexOf('replicas: ', mid);
  return at < 0 ? text.indexOf('replicas: ') : at;
}

async function openToDiagnostics(file) {
  const text = fs.readFileSync(file, 'utf8');
  const client = new LspClient(process.execPath, [server, '--stdio']);
  client.settings = { maxFileSize: 1e9 };
  // The 266k-line file is larger than the default kubesim.maxFileSize; the benchmark measures it anyway.
  await client.initialize(null, { settings: { maxFileSize: 1e9 } });
  const uri = pathToFileURL(file).href;
  const ms = await client.openTimed(uri, text);
  return { client, uri, text, ms };
}

async function measureSize(n) {
  const dir = workspace(n);
  const file = path.join(dir, 'all.yaml');
  const bytes = fs.statSync(file).size;
  const lines = fs.readFileSync(file, 'utf8').split('\n').length;
  const opens = [];
  let live;
  for (let r = 0; r < repeats; r++) {
    const o = await openToDiagnostics(file);
    opens.push(o.ms);
    if (r < repeats - 1) await o.client.shutdown();
    else live = o;
  }
  const { client, uri, text } = live;
  // Keystrokes: flip the replicas digit in the middle document, wait for the diagnostics of that version.
  const spot = editSpot(text) + 'replicas: '.length;
  const pos = positionAt(text, spot);
  const keys = await client.typeDigits(uri, pos, samples);
  // Completion inside the pod spec of that document, and hover on the replicas key.
  const specAt = text.indexOf('      containers:', spot);
  const completionPos = positionAt(text, specAt + 6);
  const hoverPos = { line: pos.line, character: pos.character - 4 };
  const completions = [];
  const hovers = [];
  for (let i = 0; i < samples; i++) {
    let t0 = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: completionPos });
    completions.push(performance.now() - t0);
    t0 = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: hoverPos });
    hovers.push(performance.now() - t0);
  }
  const rss = client.peakRssMb();
  await client.shutdown();

  // The floor: the `yaml` package parsing the same bytes, in this process.
  const parses = [];
  YAML.parseAllDocuments(text); // warm the parser up, as the server's own warm-up does
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    YAML.parseAllDocuments(text);
    parses.push(performance.now() - t0);
  }
  // kubesim check on the same file, as a whole process.
  const checks = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], { stdio: 'ignore' });
    checks.push(performance.now() - t0);
  }
  return { n, lines, bytes, open: median(opens), parse: median(parses), keyP50: percentile(keys, 50), keyP95: percentile(keys, 95), compP50: percentile(completions, 50), compP95: percentile(completions, 95), hoverP50: percentile(hovers, 50), hoverP95: percentile(hovers, 95), rss, check: median(checks) };
}

function simulateTime(n) {
  const probe = spawnSync(process.execPath, [cli, 'simulate', '--help'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const file = path.join(workspace(n), 'all.yaml');
  // The generated apps live in namespaces they do not create; the cluster has them (--cluster), as a real one would,
  // so the simulation runs the controllers instead of rejecting every object.
  const clusterFile = path.join(workspace(n), 'cluster.yaml');
  const namespaces = [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/^  namespace: (\S+)$/gm)].map((m) => m[1]))].sort();
  fs.writeFileSync(clusterFile, namespaces.map((ns) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`).join('---\n'));
  // At least 7 runs of each output, alternating: this VM's speed drifts by a fifth within minutes, and 3 runs' median lands anywhere in that.
  const runs = Math.max(repeats, quick ? 1 : 7);
  const json = [];
  const text = [];
  for (let r = 0; r < runs; r++) {
    for (const [format, times] of [['json', json], ['text', text]]) {
      const t0 = performance.now();
      spawnSync(process.execPath, [cli, 'simulate', file, '--cluster', clusterFile, '--format', format], { stdio: 'ignore', maxBuffer: 1 << 30 });
      times.push(performance.now() - t0);
    }
  }
  return { wall: median(json), fastest: Math.min(...json), text: median(text), textFastest: Math.min(...text), runs, phases: simulatePhases(file, clusterFile) };
}

/** The same run in-process, CPU time per phase (scripts/bench/simulate-phases.mjs); undefined without out/ (npx tsc -p .). */
function simulatePhases(file, clusterFile) {
  if (!fs.existsSync(path.join(root, 'out', 'server', 'src', 'simulator', 'index.js'))) return undefined;
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', 'simulate-phases.mjs'), file, clusterFile, String(repeats)], { encoding: 'utf8' });
  const rows = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  if (run.status !== 0 || rows.length === 0) return undefined;
  const pick = (k) => median(rows.map((r) => r[k]));
  return { load: pick('loadMs'), parse: pick('parseAndCheckMs'), simulate: pick('simulateMs'), json: pick('jsonMs'), objects: rows[0].objects, applied: rows[0].applied };
}

function describeSimulate(sim) {
  if (sim === undefined) return sizes.includes(1000) ? 'not measured (the simulate command is not in this build)' : 'not measured (only with the 1,000-app size)';
  const p = sim.phases;
  const split = p
    ? `; CPU of the same run in-process: parse and check ${fmtMs(p.parse)}, simulation proper (apply of ${p.applied} objects, control loops until settled, ${p.objects} objects) ${fmtMs(p.simulate)}, JSON output ${fmtMs(p.json)}, engine load ${fmtMs(p.load)}`
    : ' (run `npx tsc -p .` first for the parse / simulation split)';
  return `${fmtMs(sim.wall)} wall for the whole process, median of ${sim.runs} (fastest ${fmtMs(sim.fastest)}); with the default text output ${fmtMs(sim.text)} (fastest ${fmtMs(sim.textFastest)})${split}`;
}

// A server that exits while the last notification is in flight is not a benchmark failure.
process.on('uncaughtException', (e) => {
  if (e?.code !== 'ERR_STREAM_DESTROYED') throw e;
});
const results = [];
for (const n of sizes) {
  process.stderr.write(`bench: ${n} apps…\n`);
  results.push(await measureSize(n));
}
const splits = [];
for (const n of sizes) {
  process.stderr.write(`bench: ${n} apps, split layout…\n`);
  splits.push({ n, ...(await measureSplitRepeated(workspace(n), { repeats, samples })) });
}
// The Red Hat server side by side (devDependency; skip with --no-ylsp): one run per size, fewer samples (its keystrokes take seconds).
const ylsp = [];
if (!args.includes('--no-ylsp') && yamlLanguageServer()) {
  for (const n of sizes) {
    process.stderr.write(`bench: ${n} apps, yaml-language-server…\n`);
    ylsp.push({ n, ...(await measureYlsp(path.join(workspace(n), 'all.yaml'), { samples: quick ? 3 : n >= 1000 ? 5 : 10 })) });
  }
}
const sim = sizes.includes(1000) ? simulateTime(1000) : undefined;

// Extension activation: dist/extension.js loaded with a stand-in vscode module (scripts/bench/activation.mjs).
function activationTime() {
  const runs = [];
  for (let r = 0; r < Math.max(3, repeats); r++) {
    const out = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', 'activation.mjs')], { encoding: 'utf8' });
    try {
      runs.push(JSON.parse(out.stdout));
    } catch {
      return undefined;
    }
  }
  if (runs.some((r) => r.error)) return { error: runs.find((r) => r.error).error };
  return { wall: median(runs.map((r) => r.required + r.activateSync)), cpu: median(runs.map((r) => r.cpu)) };
}
const activation = activationTime();
const loadAverage = os.loadavg().map((l) => l.toFixed(1)).join(', ');
const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);

const YLSP_VERSION = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version;
  } catch {
    return '';
  }
})();
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()}`;
const rows = [
  ['open → first diagnostics', (r) => fmtMs(r.open)],
  ['raw `yaml` parse of the same file (floor)', (r) => fmtMs(r.parse)],
  ['keystroke → diagnostics p50 / p95', (r) => `${fmtMs(r.keyP50)} / ${fmtMs(r.keyP95)}`],
  ['completion p50 / p95', (r) => `${fmtMs(r.compP50)} / ${fmtMs(r.compP95)}`],
  ['hover p50 / p95', (r) => `${fmtMs(r.hoverP50)} / ${fmtMs(r.hoverP95)}`],
  ['`kubesim check` (whole process)', (r) => `${fmtMs(r.check)} (${mbps(r.bytes, r.check)} MB/s)`],
  ['raw `yaml` parse throughput', (r) => `${mbps(r.bytes, r.parse)} MB/s`],
  ['peak server RSS', (r) => `${r.rss.toFixed(0)} MB`],
];
let md = `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Medians of ${repeats} run(s); latencies over ${samples} samples. Single-file layout (all.yaml) from gen-workspace.mjs.\n\n`;
md += `| | ${results.map((r) => `${r.n} apps (${(r.lines / 1000).toFixed(1)}k lines)`).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|\n`;
for (const [label, f] of rows) md += `| ${label} | ${results.map(f).join(' | ')} |\n`;
if (ylsp.length) {
  md += `\nThe Red Hat \`yaml-language-server\` ${YLSP_VERSION} on the same single files, in the same run, with the Kubernetes v1.34.0 strict schema it downloads served offline (one run per size; ${quick ? 3 : '10 (5 at 1,000 apps)'} keystroke, completion and hover samples). Kubesim's numbers above, for comparison:\n\n`;
  md += `| | ${ylsp.map((r) => `${r.n} apps`).join(' | ')} |\n|---|${ylsp.map(() => '---').join('|')}|\n`;
  const ours = (n) => results.find((r) => r.n === n);
  for (const [label, f, g] of [
    ['open → first diagnostics', (r) => fmtMs(r.open), (r) => fmtMs(r.open)],
    ['keystroke → diagnostics p50 / p95', (r) => `${fmtMs(r.keyP50)} / ${fmtMs(r.keyP95)}`, (r) => `${fmtMs(r.keyP50)} / ${fmtMs(r.keyP95)}`],
    ['completion p50 / p95', (r) => `${fmtMs(r.compP50)} / ${fmtMs(r.compP95)}`, (r) => `${fmtMs(r.compP50)} / ${fmtMs(r.compP95)}`],
    ['hover p50 / p95', (r) => `${fmtMs(r.hoverP50)} / ${fmtMs(r.hoverP95)}`, (r) => `${fmtMs(r.hoverP50)} / ${fmtMs(r.hoverP95)}`],
    ['peak server RSS', (r) => `${r.rss.toFixed(0)} MB`, (r) => `${r.rss.toFixed(0)} MB`],
  ])
    md += `| ${label} | ${ylsp.map((r) => (r.open === undefined ? 'n/a' : `${f(r)} (Kubesim ${g(ours(r.n))})`)).join(' | ')} |\n`;
}
md += `\nSplit layout (apps/<app>/<kind>.yaml of the same workspaces): a fresh server indexes the folder, then one app's deployment.yaml is opened and its replicas edited; its diagnostics include the cross-file rules over the whole index.\n\n`;
md += `| | ${splits.map((r) => `${r.n} apps`).join(' | ')} |\n|---|${splits.map(() => '---').join('|')}|\n`;
for (const [label, f] of [
  ['index the folder (from `initialized` to the end of progress)', (r) => fmtMs(r.indexMs)],
  ['open one file → first diagnostics', (r) => fmtMs(r.open)],
  ['keystroke → diagnostics p50 / p95', (r) => `${fmtMs(r.keyP50)} / ${fmtMs(r.keyP95)}`],
  ['peak server RSS', (r) => (r.rss === undefined ? 'n/a' : `${r.rss.toFixed(0)} MB`)],
])
  md += `| ${label} | ${splits.map((r) => (r.open === undefined ? 'n/a' : f(r))).join(' | ')} |\n`;
md += `\n- \`kubesim simulate\`, 1,000 apps (\`simulate all.yaml --cluster NAMESPACES --format json\`): ${describeSimulate(sim)}\n`;
if (sim) {
  process.stderr.write('bench: Simulate Apply in the editor…\n');
  const editor = await measureEditorSimulate(path.join(workspace(1000), 'apps'), path.join(workspace(1000), 'cluster.yaml'), { repeats: quick ? 1 : Math.max(repeats, 3) });
  md += `- Simulate Apply in the editor, 1,000 apps (a server over Node IPC, as VS Code starts it, indexes apps/, then answers \`kubesim/simulate\` for the folder with kubesim.cluster set; request sent → answer parsed): ${describeEditorSimulate(editor)}\n`;
}
process.stderr.write('bench: indexing a 5,000-file workspace…\n');
md += `- Indexing a 5,000-file workspace: ${describeIndexing(await measureIndexing({ files: 5000, repeats: quick ? 1 : repeats }))}\n`;
md += `- Extension activation (require dist/extension.js + activate() up to the language client's start, with a stand-in vscode module): ${activation === undefined ? 'not measured' : activation.error ? `failed: ${activation.error}` : `${fmtMs(activation.wall)} wall, ${fmtMs(activation.cpu)} CPU`}\n`;
md += `- Load average when the run ended (1, 5, 15 min): ${loadAverage} on ${os.cpus().length} cores; other work on the machine inflates every wall-clock number above.\n`;
const notes = path.join(root, 'BENCHMARKS.notes.md');
if (fs.existsSync(notes)) md += '\n' + fs.readFileSync(notes, 'utf8');
process.stdout.write(md);
if (!args.includes('--no-write')) fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
