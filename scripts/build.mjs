#!/usr/bin/env node
// Generates the schema bundle, then bundles the three doors with esbuild:
//   dist/extension.js  the VS Code client (vscode is external)
//   dist/server.js     the language server (stdio or node IPC)
//   dist/cli.js        the `kubesim` command (check, simulate, lsp --stdio)
//   dist/graph.js      the resource graph webview script (browser; cytoscape + dagre bundled in)
// --production minifies without source maps; --outdir DIR writes the bundles
// elsewhere (scripts/package.mjs stages the VSIX without touching dist/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? path.resolve(process.argv[outdirArg + 1]) : path.join(root, 'dist');

execFileSync(process.execPath, [path.join(root, 'schemas', 'generate.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'schemas', 'generate-validators.mjs')], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

// `kubesim lsp` runs the language server of dist/server.js, loaded only for that command: the CLI bundle
// leaves the LSP library and the server out, a third of its size that every `kubesim check` and `simulate` would compile.
const serverBesideCli = {
  name: 'server-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/lsp\/server$/ }, (args) => (args.importer.endsWith(path.join('cli', 'main.ts')) ? { path: './server.js', external: true } : undefined));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: path.join(outdir, 'extension.js'), external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: path.join(outdir, 'server.js') },
  { entryPoints: ['server/src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [serverBesideCli] },
].filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])));

// The webview runs in a browser sandbox with no network: everything it needs is in this one file.
const webview = { ...common, entryPoints: ['client/webview/graph.ts'], outfile: path.join(outdir, 'graph.js'), platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false };

await Promise.all([...entries.map((e) => esbuild.build({ ...common, ...e })), ...(fs.existsSync(path.join(root, webview.entryPoints[0])) ? [esbuild.build(webview)] : [])]);
if (fs.existsSync(path.join(outdir, 'cli.js'))) fs.chmodSync(path.join(outdir, 'cli.js'), 0o755);
