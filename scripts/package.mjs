#!/usr/bin/env node
// Packages the extension as a .vsix with vsce.
//   node scripts/package.mjs [--out FILE]     (default: kubesim-<version>.vsix in the repository)
//
// The VSIX is assembled in a staging folder rather than from the repository, so
// that the list below is the whole truth about what ships, and so that the
// minified production bundles never overwrite dist/ (which tests may be running).
// Everything the extension runs is bundled by esbuild; nothing from node_modules ships.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

/** What ships besides the bundles: files and folders relative to the repository. */
const SHIPPED = ['README.md', 'CHANGELOG.md', 'LICENSE', manifest.icon, 'media', 'docs/images', 'schemas/generated/k8s.json', 'schemas/generated/validators'];
/** The client, the language server and the graph webview's script (cytoscape and dagre inside). */
const BUNDLES = ['extension.js', 'server.js', 'graph.js'];

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-vsix-'));
try {
  pack();
} catch (e) {
  // The failing tool has already printed its own message.
  console.error(`package: ${e.status !== undefined ? 'a step failed (its output is above)' : e.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}

function pack() {
  // The bundles are rebuilt minified into the staging folder; the build also regenerates the schemas when stale.
  const built = path.join(stage, 'build');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--outdir', built], { stdio: 'inherit' });
  const ext = path.join(stage, 'extension');
  fs.mkdirSync(path.join(ext, 'dist'), { recursive: true });
  for (const b of BUNDLES) fs.copyFileSync(path.join(built, b), path.join(ext, 'dist', b));

  const shipped = [];
  for (const rel of SHIPPED) {
    const from = path.join(root, rel);
    if (!fs.existsSync(from)) {
      if (rel === 'docs/images') continue; // screenshots are optional until `npm run screenshots` made them
      throw new Error(`${rel} is missing; run "npm run build" first (it generates the schemas)`);
    }
    fs.cpSync(from, path.join(ext, rel), { recursive: true, filter: (src) => !src.endsWith('.map') });
    shipped.push(fs.statSync(from).isDirectory() ? `${rel}/**` : rel);
  }
  // The validator chunks may require only each other: node_modules does not ship.
  const chunks = path.join(ext, 'schemas/generated/validators');
  for (const f of fs.readdirSync(chunks).filter((n) => n.endsWith('.js'))) {
    const foreign = [...fs.readFileSync(path.join(chunks, f), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]).filter((n) => !/^\.\/[\w.-]+\.js$/.test(n));
    if (foreign.length) throw new Error(`schemas/generated/validators/${f} needs ${foreign.join(', ')} at run time and would fail in the VSIX; regenerate it with "node schemas/generate-validators.mjs --force"`);
  }

  // The published manifest: no scripts, no dependencies (they are bundled), no CLI entry.
  const published = { ...manifest };
  for (const key of ['scripts', 'devDependencies', 'dependencies', 'bin', 'private']) delete published[key];
  published.files = [...BUNDLES.map((b) => `dist/${b}`), ...shipped];
  fs.writeFileSync(path.join(ext, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);

  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: ext, stdio: 'inherit' });
  console.log(`package: ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
}
