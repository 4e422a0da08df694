import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot } from '../helpers/paths';
import { LspClient, positionOf } from '../lsp/client';

/**
 * Issue 7: nothing Kubesim ships opens a socket. Two proofs: the bundles
 * require no network module (and the few Node built-ins that could reach the
 * network are required only by named library code, for a stated reason), and
 * the server and CLI run a full session under a preloaded hook that throws on
 * every way of opening a connection or starting a process.
 */
const BUNDLES = ['server.js', 'cli.js', 'extension.js'];

/** Never required by any bundle. */
const FORBIDDEN = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'dns/promises', 'inspector', 'worker_threads', 'cluster', 'undici'];

/**
 * Built-ins that can reach the network or run programs, and the only modules allowed to require them.
 * The runtime hook below proves that these code paths are not taken by the server and the CLI.
 */
const GUARDED: Record<string, { module: RegExp; why: string }[]> = {
  net: [
    { module: /^node_modules\/(vscode-languageserver\/node_modules\/)?vscode-jsonrpc\/lib\/node\/main\.js$/, why: 'socket and named-pipe transports; Kubesim is always started with --stdio or node IPC' },
  ],
  child_process: [
    { module: /^node_modules\/vscode-languageserver\/lib\/node\/files\.js$/, why: 'Files.resolveGlobalNodePath runs `npm config get prefix`; Kubesim never calls it' },
    { module: /^node_modules\/vscode-languageclient\/lib\/node\/(main|processes)\.js$/, why: 'the VS Code client starts dist/server.js (fork) and stops it; it is the only process the extension starts' },
    { module: /^client\/src\/gitHead\.ts$/, why: '"Compare with git HEAD" runs read-only `git ls-tree`/`git show HEAD:path`, only in a trusted workspace' },
    { module: /^server\/src\/(cli|node)\/[^/]*git[^/]*\.ts$/, why: '`kubesim simulate --from REV` runs `git show REV:path` (read-only) to read the old revision; nothing else starts a process' },
  ],
};

interface Require {
  builtin: string;
  module: string;
}

/** Every require of a Node built-in in an esbuild bundle, with the source module it came from (esbuild's `// path` markers). */
function builtinRequires(bundle: string): Require[] {
  const out: Require[] = [];
  let module = '(bundle prelude)';
  for (const line of fs.readFileSync(bundle, 'utf8').split('\n')) {
    const marker = /^\/\/ ((?:node_modules|server|client|schemas)\/\S+)$/.exec(line);
    if (marker) module = marker[1];
    for (const m of line.matchAll(/require\("(?:node:)?([a-z_0-9/]+)"\)/g)) if (!m[1].includes('/') || m[1] === 'dns/promises') out.push({ builtin: m[1], module });
  }
  return out;
}

describe('no network: the bundles', () => {
  for (const name of BUNDLES) {
    it(`dist/${name} requires no network module, and net/child_process only from allowed library code`, (t) => {
      const bundle = fromRoot('dist', name);
      if (!fs.existsSync(bundle)) return t.skip(`dist/${name} is not built`);
      const text = fs.readFileSync(bundle, 'utf8');
      const requires = builtinRequires(bundle);
      assert.ok(requires.length > 0, 'the scan found no require at all: the bundle format changed and this test would prove nothing');
      for (const r of requires) {
        assert.ok(!FORBIDDEN.includes(r.builtin), `dist/${name}: ${r.module} requires "${r.builtin}"`);
        const allowed = GUARDED[r.builtin];
        if (allowed) assert.ok(allowed.some((a) => a.module.test(r.module)), `dist/${name}: ${r.module} requires "${r.builtin}", which only ${allowed.map((a) => a.module).join(', ')} may`);
      }
      // Node 20's globals reach the network without a require.
      assert.doesNotMatch(text, /[^.\w]fetch\(|\bnew WebSocket\b|\bXMLHttpRequest\b|process\.binding\(/);
    });
  }
});

/** Preloaded with --require: records built-ins the program loads and throws on any connection, listener or child process. */
const HOOK = String.raw`
const fs = require('fs');
const Module = require('module');
const logFile = process.env.KUBESIM_NET_LOG;
const record = (line) => fs.appendFileSync(logFile, line + '\n');
const deny = (what) => function () { record('DENIED ' + what); throw new Error('kubesim test hook: ' + what + ' is forbidden'); };
const net = require('net');
net.Socket.prototype.connect = deny('net.Socket.connect');
net.Server.prototype.listen = deny('net.Server.listen');
net.connect = net.createConnection = deny('net.connect');
const dgram = require('dgram');
dgram.createSocket = deny('dgram.createSocket');
for (const m of ['http', 'https']) { const mod = require(m); mod.request = deny(m + '.request'); mod.get = deny(m + '.get'); mod.createServer = deny(m + '.createServer'); }
require('tls').connect = deny('tls.connect');
require('http2').connect = deny('http2.connect');
const dns = require('dns');
dns.lookup = deny('dns.lookup');
const cp = require('child_process');
for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[f] = deny('child_process.' + f);
globalThis.fetch = deny('fetch');
globalThis.WebSocket = deny('WebSocket');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const name = String(request).replace(/^node:/, '');
  if (Module.builtinModules.includes(name)) record('LOAD ' + name);
  return load.apply(this, arguments);
};
`;

const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dgram', 'dns'];

const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          imagePullPolicy: Alwys\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

describe('no network: the running server and CLI', () => {
  let dir = '';
  let hook = '';
  const logOf = (name: string): string => path.join(dir, `${name}.log`);
  const readLog = (name: string): string[] => (fs.existsSync(logOf(name)) ? fs.readFileSync(logOf(name), 'utf8').split('\n').filter(Boolean) : []);
  const assertClean = (name: string): void => {
    const lines = readLog(name);
    assert.deepEqual(lines.filter((l) => l.startsWith('DENIED')), [], `${name} tried to reach the network or start a process`);
    const loaded = lines.filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5));
    assert.deepEqual(loaded.filter((m) => NETWORK_MODULES.includes(m)), [], `${name} loaded a network module`);
    // The hook must have seen the program's own requires, or it proves nothing.
    assert.ok(loaded.includes('fs') || loaded.includes('path'), `${name}: the hook recorded no require at all`);
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-nonet-'));
    hook = path.join(dir, 'hook.js');
    fs.writeFileSync(hook, HOOK);
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.writeFileSync(path.join(dir, 'ws', 'app.yaml'), MANIFEST);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the hook really throws on a connection (self-test)', () => {
    const r = spawnSync(process.execPath, ['--require', hook, '-e', "require('net').connect(9, '127.0.0.1'); new (require('net').Socket)().connect(9, '127.0.0.1')"], { env: { ...process.env, KUBESIM_NET_LOG: logOf('self-test') }, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.deepEqual(readLog('self-test').filter((l) => l.startsWith('DENIED')), ['DENIED net.connect']);
  });

  it('the language server answers a full session over stdio without a socket or a child process', async () => {
    const client = await LspClient.start({ execArgv: ['--require', hook], env: { ...process.env, KUBESIM_NET_LOG: logOf('server') } });
    try {
      const uri = 'file:///ws/app.yaml';
      await client.open(uri, MANIFEST, 1);
      const diags = await client.diagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'schema-enum'), JSON.stringify(diags));
      await client.completion(uri, positionOf(MANIFEST, 'replicas'));
      await client.hover(uri, positionOf(MANIFEST, 'image:'));
      await client.documentSymbols(uri);
      await client.codeActions(uri, diags[0].range, diags);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
    assertClean('server');
  });

  for (const args of [['check', 'ws'], ['check', 'ws', '--format', 'json'], ['check', 'ws', '--format', 'sarif'], ['simulate', 'ws'], ['simulate', 'ws', '--format', 'json']]) {
    it(`kubesim ${args.join(' ')} runs without a socket or a child process`, () => {
      const name = `cli-${args.join('-')}`;
      const r = spawnSync(process.execPath, ['--require', hook, fromRoot('dist', 'cli.js'), ...args], { cwd: dir, env: { ...process.env, KUBESIM_NET_LOG: logOf(name) }, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
      assertClean(name);
    });
  }
});
