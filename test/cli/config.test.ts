import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot } from '../helpers/paths';

/** `kubesim check` reads ./.kubesim.yaml, or the file given with --config; flags override it. */
const CLI = fromRoot('dist', 'cli.js');
const kubesim = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

const DEPLOY = `apiVersion: apps/v1
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
          envFrom: [{configMapRef: {name: missing}}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: present
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
const PDB = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n';
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndta: {}\n';
const CONFIG = 'kubernetesVersion: "1.21"\nexclude: [generated/**]\nrules:\n  configmap-ref-missing: error\n  unknown-kind: off\n  servce-selector-no-match: off\n';

describe('kubesim check with .kubesim.yaml', () => {
  let dir = '';
  let configs = '';
  const write = (base: string, rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  };
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-cfg-'));
    configs = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-cfgs-'));
    write(dir, '.kubesim.yaml', CONFIG);
    write(dir, 'deploy.yaml', DEPLOY);
    write(dir, 'widget.yaml', WIDGET);
    write(dir, 'pdb.yaml', PDB);
    write(dir, 'generated/broken.yaml', BROKEN);
    write(configs, 'quiet.yaml', 'rules: {configmap-ref-missing: off}\n');
    write(configs, 'broken.yaml', 'rules: [\n');
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(configs, { recursive: true, force: true });
  });

  it('finds ./.kubesim.yaml: severities, rules turned off, exclude globs and the Kubernetes version apply; unknown rule ids are warned about with their line', () => {
    const r = kubesim(['check', '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as { diagnostics: { file: string; severity: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`);
    assert.deepEqual(found, ['deploy.yaml error configmap-ref-missing', 'pdb.yaml info api-deprecated']);
    assert.equal(r.stderr, 'kubesim: .kubesim.yaml:6:3: warning config: There is no rule "servce-selector-no-match"; ignored. Did you mean "service-selector-no-match"?\n');
  });

  it('flags win over the file', () => {
    const r = kubesim(['check', '--format', 'json', '--k8s-version', '1.30'], dir);
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['configmap-ref-missing', 'api-removed']);
  });

  it('--config FILE replaces the discovered file', () => {
    const r = kubesim(['check', '--format', 'json', '--config', path.join(configs, 'quiet.yaml'), 'deploy.yaml', 'widget.yaml'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics.map((d) => `${d.severity} ${d.code}`);
    assert.deepEqual(found, ['info unknown-kind']);
    assert.equal(r.stderr, '');
  });

  it('exits 2 with a clear message when the config cannot be read or is not YAML', () => {
    const missing = kubesim(['check', '--config', 'nope.yaml'], dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'kubesim: cannot read config nope.yaml: no such file or directory\n');
    const broken = kubesim(['check', '--config', path.join(configs, 'broken.yaml')], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^kubesim: .*broken\.yaml:\d+:\d+: error config: .*\.kubesim\.yaml is ignored until this is fixed\)\n$/);
  });
});
