#!/usr/bin/env node
// End-to-end tests in a real VS Code (code-server), driven by Debian's Chromium.
//   node scripts/e2e/run.mjs [--tier 1|2] [--screenshots]    (npm run test:e2e builds and compiles first)
//
// Tier 1 runs the mocha suite out/test/e2e/suite (the extensionTestsPath contract of
// @vscode/test-electron) inside the extension host, with the repository as the
// extension under development. Tier 2 packages the VSIX, installs it with
// `code-server --install-extension`, and drives the workbench UI on the sample app.
// --screenshots also copies the tier-2 screenshots the README shows into docs/images/.
// Output (screenshots, logs, results) goes to .test-output/e2e/; the tools go to the cache
// (KUBESIM_E2E_CACHE, default ~/.cache/kubesim-e2e). Exit status 0 only when every tier passed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { runExtensionHostTests } from './exthost.mjs';
import { ROOT, ensureTools, launchOptions } from './tools.mjs';
import { findSample, mistakeIn } from './sample.mjs';

const args = process.argv.slice(2);
const tierArg = args.includes('--tier') ? args[args.indexOf('--tier') + 1] : undefined;
const tiers = tierArg ? [tierArg] : ['1', '2'];
const copyScreenshots = args.includes('--screenshots');
const OUT = path.join(ROOT, '.test-output', 'e2e');
const T0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(0).padStart(3)}s]`, ...a);

/** The README's screenshots: tier-2 step -> docs/images file. */
const README_SHOTS = { hover: 'diagnostics-hover.png', 'simulated-cluster': 'simulated-cluster.png', graph: 'graph.png' };

const servers = new Set();
const stopAll = () => servers.forEach((s) => s.stop());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopAll(), process.exit(130)));
process.on('exit', stopAll);

function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}

async function withServer(tools, profile, options, body) {
  const server = await startCodeServer(tools, profile, options);
  servers.add(server);
  try {
    return await body(server.url);
  } finally {
    server.stop();
    servers.delete(server);
  }
}

async function tier1(tools) {
  const dir = path.join(OUT, 'tier1');
  const testsPath = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(testsPath)) throw new Error(`${testsPath} is missing: compile the tests first (npx tsc -p .)`);
  const folder = copyDir(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), path.join(dir, 'workspace'));
  const resultsFile = path.join(dir, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const profile = makeProfile(path.join(dir, 'profile'));
  const code = await withServer(tools, profile, {
    folder, log: path.join(OUT, 'logs', 'tier1-code-server.log'), testDriver: true, extraEnv: { KUBESIM_E2E_RESULTS: resultsFile },
  }, (url) => runExtensionHostTests({ tools, url, folder, extensionPath: ROOT, testsPath, screenshot: path.join(OUT, 'screenshots', 'tier1-extension-host.png'), log }));
  if (!fs.existsSync(resultsFile)) throw new Error(`the suite wrote no results (workbench exit code ${code}); see the log above and ${OUT}/logs`);
  const { results } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const r of results) log(`  ${r.state === 'passed' ? 'ok  ' : 'FAIL'} ${r.title}${r.error ? `\n${r.error.split('\n').slice(0, 6).map((l) => `         ${l}`).join('\n')}` : ''}`);
  if (results.length === 0) throw new Error('the suite ran no tests');
  const failed = results.filter((r) => r.state !== 'passed');
  if (failed.length > 0 || code !== 0) throw new Error(`${failed.length} of ${results.length} extension-host tests failed (exit code ${code})`);
  return `${results.length} tests`;
}

async function tier2(tools) {
  const dir = path.join(OUT, 'tier2');
  const vsix = path.join(dir, 'kubesim.vsix');
  log('packaging the VSIX');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
  const profile = makeProfile(path.join(dir, 'profile'));
  const installed = installExtension(tools, profile, vsix);
  if (!installed.includes(id)) throw new Error(`${id} is not listed after --install-extension (listed: ${installed.join(', ') || 'nothing'})`);
  log(`installed ${id} into code-server`);

  const sample = findSample();
  const folder = copyDir(sample, path.join(dir, 'workspace'));
  const simulated = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'simulate', folder, '--format', 'json'], { encoding: 'utf8' }));
  const pods = simulated.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace !== 'kube-system').map((o) => o.metadata.name);
  if (pods.length === 0) throw new Error(`the sample ${sample} simulates to no pods`);
  const commandTitles = Object.fromEntries((manifest.contributes.commands ?? []).map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
  const { runWorkbenchSteps } = await import(path.join(ROOT, 'test', 'e2e', 'ui', 'workbench.ui.mjs'));
  const shots = path.join(OUT, 'screenshots', 'tier2');
  fs.rmSync(shots, { recursive: true, force: true });
  const results = await withServer(tools, profile, { folder, log: path.join(OUT, 'logs', 'tier2-code-server.log') }, (url) =>
    runWorkbenchSteps({ playwright: tools.playwright, launch: launchOptions(), url, folder, mistake: mistakeIn(folder), pods, commandTitles, shots, log }));
  if (copyScreenshots) {
    const images = path.join(ROOT, 'docs', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const r of results.filter((x) => x.ok && README_SHOTS[x.name])) {
      fs.copyFileSync(r.shot, path.join(images, README_SHOTS[r.name]));
      log(`  docs/images/${README_SHOTS[r.name]} <- ${path.relative(ROOT, r.shot)}`);
    }
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} UI steps failed: ${failed.map((r) => `${r.name} (${r.error})`).join('; ')}`);
  return `${results.length} steps`;
}

fs.mkdirSync(path.join(OUT, 'logs'), { recursive: true });
fs.rmSync(path.join(OUT, 'screenshots'), { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
const summary = [];
let tools;
try {
  log('installing or reusing the tools (Node 24, code-server, playwright-core)');
  tools = ensureTools();
} catch (e) {
  console.error(`e2e: ${e.message}`);
  process.exit(1);
}
for (const t of tiers) {
  const [name, run] = t === '1' ? ['tier 1: extension-host suite', tier1] : ['tier 2: workbench UI with the VSIX', tier2];
  log(`== ${name}`);
  try {
    summary.push(`PASS ${name} (${await run(tools)})`);
  } catch (e) {
    summary.push(`FAIL ${name}: ${e.message}`);
  }
}
log(`screenshots: ${path.join(OUT, 'screenshots')}; logs: ${path.join(OUT, 'logs')}`);
for (const s of summary) console.log(s);
process.exit(summary.every((s) => s.startsWith('PASS')) ? 0 : 1);
