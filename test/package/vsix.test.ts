import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import yauzl from 'yauzl';
import { fromRoot } from '../helpers/paths';
import { LspClient } from '../lsp/client';

/**
 * `npm run package` builds a VSIX that holds only what the extension runs, under
 * the size budget, and that works without node_modules: the test unpacks it
 * outside the repository and starts the language server from there.
 */
const BUDGET_BYTES = 3 * 1024 * 1024;

/** Every entry of a zip file with its uncompressed bytes. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Modules a bundle loads at run time, other than Node's own (and vscode, which the editor provides). */
function externalRequires(code: string): string[] {
  // A require written inside a string literal is code that ajv generates, not a call.
  const names = [...code.matchAll(/(?<!['"`])\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const builtin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return [...new Set(names)].filter((n) => n !== 'vscode' && !builtin.has(n)).sort();
}

const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          prots: []
`;

describe('the VSIX', () => {
  let dir: string;
  let vsix: string;
  let files: Map<string, Buffer>;
  const manifest = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { name: string; version: string; publisher: string; icon: string; main: string };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-vsix-test-'));
    vsix = path.join(dir, 'kubesim.vsix');
    execFileSync(process.execPath, [fromRoot('scripts', 'package.mjs'), '--out', vsix], { stdio: 'pipe' });
    files = await unzip(vsix);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`is under the ${BUDGET_BYTES / 1024 / 1024} MB budget`, () => {
    assert.ok(fs.statSync(vsix).size < BUDGET_BYTES, `${fs.statSync(vsix).size} bytes`);
  });

  it('holds the bundles, the schemas, the README, CHANGELOG, LICENSE and icon, and nothing else', () => {
    const names = [...files.keys()].filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    const allowed = [
      /^package\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/, /^dist\/(extension|server|graph)\.js$/, /^media\/[\w-]+\.svg$/,
      /^schemas\/generated\/k8s\.json$/, /^schemas\/generated\/validators\/([\w.-]+\.js|index\.json)$/, /^docs\/images\/[\w-]+\.png$/, new RegExp(`^${manifest.icon.replace('.', '\\.')}$`),
    ];
    for (const n of names) assert.ok(allowed.some((re) => re.test(n)), `unexpected file in the VSIX: ${n}`);
    for (const n of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/server.js', 'dist/graph.js', 'media/kubesim.svg', 'schemas/generated/k8s.json', 'schemas/generated/validators/index.json', manifest.icon]) {
      assert.ok(names.includes(n), `${n} is in the VSIX`);
    }
    assert.ok(!names.some((n) => /node_modules|(^|\/)test\/|\.map$|\.ts$/.test(n)), 'no node_modules, tests, sources or source maps');
  });

  it('declares the extension with its marketplace fields and no dependencies to install', () => {
    const pkg = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    assert.equal(`${pkg.publisher}.${pkg.name}`, 'kubesim.kubesim');
    assert.equal(pkg.version, manifest.version);
    assert.equal(pkg.main, manifest.main);
    for (const field of ['displayName', 'description', 'icon', 'repository', 'license', 'categories', 'engines']) assert.ok(pkg[field], `${field} is set`);
    assert.equal(pkg.dependencies, undefined);
    assert.equal(pkg.scripts, undefined);
    const png = files.get(`extension/${manifest.icon}`)!;
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128x128 icon');
    const vsixManifest = files.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(vsixManifest, /Id="kubesim" Version="[^"]+" Publisher="kubesim"/);
  });

  it('has bundles that load nothing from node_modules', () => {
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/graph.js']) {
      assert.deepEqual(externalRequires(files.get(`extension/${f}`)!.toString('utf8')), [], `${f} requires only Node built-ins and vscode`);
    }
    const chunks = [...files.keys()].filter((n) => n.startsWith('extension/schemas/generated/validators/') && n.endsWith('.js'));
    assert.ok(chunks.length > 1, 'the validators ship as chunks');
    for (const f of chunks) {
      const foreign = externalRequires(files.get(f)!.toString('utf8')).filter((n) => !/^\.\/[\w.-]+\.js$/.test(n) || !files.has(`extension/schemas/generated/validators/${n.slice(2)}`));
      assert.deepEqual(foreign, [], `${f} requires only chunks that ship beside it`);
    }
  });

  describe('unpacked outside the repository', () => {
    let ext: string;
    let client: LspClient | undefined;
    before(() => {
      ext = path.join(dir, 'unpacked');
      for (const [name, bytes] of files) {
        if (!name.startsWith('extension/')) continue;
        const to = path.join(ext, name.slice('extension/'.length));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.writeFileSync(to, bytes);
      }
    });
    after(async () => {
      await client?.stop();
    });

    it('loads its precompiled validators', () => {
      const dir = path.join(ext, 'schemas', 'generated', 'validators');
      const entry = (JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { kinds: Record<string, { file: string; export: string }> }).kinds['apps/v1:Deployment'];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const validate = (require(path.join(dir, entry.file)) as Record<string, (o: unknown) => boolean>)[entry.export];
      assert.equal(typeof validate, 'function');
      assert.equal(validate({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: {}, template: {}, prots: [] } }), false);
    });

    it('runs its language server, which finds the schemas inside the package', async () => {
      client = await LspClient.start({ serverScript: path.join(ext, 'dist', 'server.js') });
      const uri = 'file:///ws/deployment.yaml';
      await client.open(uri, BROKEN, 1);
      const diags = await client.diagnostics(uri, 1);
      assert.deepEqual(diags.map((d) => d.code), ['schema-unknown-field']);
      assert.match(String(diags[0].message), /Unknown field "prots".*Did you mean "ports"\?/);
      assert.equal(client.stderr.includes('cannot find its schema bundle'), false);
    });
  });
});
