import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot, SHARED } from '../helpers/paths';

/** `kubesim check` as users run it: the built dist/cli.js in a child process. */
const CLI = fromRoot('dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function kubesim(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';
// Line 5 `dta` is an unknown field (error); nothing else is wrong.
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndta:\n  mode: fast\n';
const BROKEN_PORT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: "eighty"\n';

// A pod that uses a ConfigMap only a kustomization generates.
const KUSTOMIZED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n      envFrom:\n        - configMapRef:\n            name: generated\n';

let dir = '';
const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe('kubesim check', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-cli-'));
    write('clean/config.yaml', CLEAN);
    write('mixed/a-broken.yaml', BROKEN);
    write('mixed/deeper/b-service.yml', BROKEN_PORT);
    write('mixed/notes.txt', BROKEN); // not YAML by name: skipped
    write('mixed/node_modules/pkg/bad.yaml', BROKEN);
    write('mixed/.git/bad.yaml', BROKEN);
    write('chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    write('chart/templates/configmap.yaml', BROKEN); // rendered by helm, not applied as is
    write('kustomize/app/Kustomization', 'namespace: shop\nresources: [pod.yaml, other.yaml]\nconfigMapGenerator:\n  - name: generated\n    literals: [MODE=fast]\n');
    write('kustomize/app/pod.yaml', KUSTOMIZED_POD);
    write('kustomize/app/other.yaml', CLEAN);
    write('kustomize/outside/pod.yaml', KUSTOMIZED_POD.replace('name: app', 'name: app\n  namespace: shop'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads kustomizations: a generated ConfigMap is defined in the namespace the kustomization sets', () => {
    const ok = kubesim(['check', 'kustomize/app'], dir);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^0 error\(s\), 0 warning\(s\), 0 info\n$/);
    // Together with a pod of the same namespace outside the build: still defined (namespace "shop"), so still clean.
    const both = kubesim(['check', 'kustomize'], dir);
    assert.equal(both.status, 0, both.stdout + both.stderr);
    // Without the kustomization the ConfigMap exists nowhere.
    const alone = kubesim(['check', 'kustomize/app/pod.yaml', 'kustomize/app/other.yaml'], dir);
    assert.match(alone.stdout, /warning configmap-ref-missing: configmap "generated" not found in namespace "default"/);
  });

  it('exits 0 and prints a summary when nothing is wrong', () => {
    const r = kubesim(['check', 'clean'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0 error\(s\), 0 warning\(s\), 0 info\n$/);
  });

  it('prints compiler-style text lines with 1-based positions, relative paths, and exits 1', () => {
    const r = kubesim(['check', 'mixed'], dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `${path.join('mixed', 'a-broken.yaml')}:5:1: error schema-unknown-field: Unknown field "dta" in ConfigMap; the API server rejects it. Did you mean "data"?`);
    assert.match(lines[1], /^mixed\/deeper\/b-service\.yml:7:13: error schema-type: /);
    assert.equal(lines.at(-1), '2 error(s), 0 warning(s), 0 info');
    assert.equal(lines.length, 3, 'node_modules, .git and notes.txt must be skipped');
  });

  it('searches the current directory when given no path', () => {
    const r = kubesim(['check'], path.join(dir, 'mixed'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^a-broken\.yaml:5:1: error/m);
    assert.match(r.stdout, /^deeper\/b-service\.yml:7:13: error/m);
  });

  it('skips the templates/ of a Helm chart but checks its Chart.yaml-free files', () => {
    const r = kubesim(['check', 'chart', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [] });
    // Named explicitly, a template file without {{ }} is still checked.
    assert.equal(kubesim(['check', 'chart/templates/configmap.yaml'], dir).status, 1);
  });

  it('writes the documented JSON shape', () => {
    const r = kubesim(['check', 'mixed', '--format', 'json'], dir);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(out), ['diagnostics']);
    assert.deepEqual(out.diagnostics[0], {
      file: path.join('mixed', 'a-broken.yaml'),
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 4,
      severity: 'error',
      code: 'schema-unknown-field',
      message: 'Unknown field "dta" in ConfigMap; the API server rejects it. Did you mean "data"?',
    });
    assert.deepEqual(
      out.diagnostics.map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.code]),
      [
        ['mixed/a-broken.yaml', 5, 1, 5, 4, 'schema-unknown-field'],
        ['mixed/deeper/b-service.yml', 7, 13, 7, 21, 'schema-type'],
      ],
    );
  });

  it('writes SARIF 2.1.0 with every rule, its help URI, and 1-based regions', () => {
    const r = kubesim(['check', 'mixed', '--format=sarif'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'kubesim');
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    assert.ok(rules.length >= 10);
    for (const rule of rules) {
      assert.match(rule.helpUri, new RegExp(`^https://.+/${rule.id}\\.md$`));
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
    }
    assert.equal(run.results.length, 2);
    const first = run.results[0];
    assert.equal(first.ruleId, 'schema-unknown-field');
    assert.equal(rules[first.ruleIndex].id, 'schema-unknown-field');
    assert.equal(first.level, 'error');
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'mixed/a-broken.yaml' },
      region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 4 },
    });
  });

  it('exits 2 with a clear message on usage errors', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--bogus'], ['check', '--format'], ['frobnicate']]) {
      const r = kubesim(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^kubesim: (--format must be one of text, json, sarif|unknown option --bogus|--format needs a value|unknown command "frobnicate")\n/);
      assert.equal(r.stdout, '');
    }
  });

  it('exits 2 naming a path that does not exist, without the usage text', () => {
    const r = kubesim(['check', 'clean', 'no/such.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'kubesim: cannot read no/such.yaml: no such file or directory\n');
    assert.equal(r.stdout, '');
  });

  it('exits 2 on a file it may not read', { skip: process.getuid?.() === 0 ? 'running as root: every file is readable' : false }, () => {
    write('locked/secret.yaml', CLEAN);
    fs.chmodSync(path.join(dir, 'locked/secret.yaml'), 0o000);
    try {
      const r = kubesim(['check', 'locked'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'kubesim: cannot read locked/secret.yaml: permission denied\n');
    } finally {
      fs.chmodSync(path.join(dir, 'locked/secret.yaml'), 0o644);
    }
  });

  it('keeps columns right in a file with a byte order mark and CRLF line ends', () => {
    write('bom/crlf.yaml', '\uFEFF' + BROKEN.replace(/\n/g, '\r\n'));
    const r = kubesim(['check', 'bom', '--format', 'json'], dir);
    const d = JSON.parse(r.stdout).diagnostics;
    assert.deepEqual(d.map((x: { line: number; column: number; endColumn: number }) => [x.line, x.column, x.endColumn]), [[5, 1, 4]]);
  });

  it('checks the whole shared corpus to the end without crashing', { skip: fs.existsSync(path.join(SHARED, 'corpus')) ? false : `no corpus at ${SHARED}` }, () => {
    const r = kubesim(['check', path.join(SHARED, 'corpus'), '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr); // the corpus holds invalid fixtures on purpose
    assert.doesNotMatch(r.stderr, /internal error|failed|uncaught/i);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] };
    assert.ok(out.diagnostics.length > 20);
    assert.ok(out.diagnostics.every((d) => d.code !== 'internal-error'));
    assert.ok(out.diagnostics.some((d) => d.file.endsWith('kubeconform-fixtures/fixtures/invalid.yaml')));
  });
});
