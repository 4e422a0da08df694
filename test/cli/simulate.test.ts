import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot } from '../helpers/paths';

/** `kubesim simulate` as users run it: the built dist/cli.js in a child process. */
const CLI = fromRoot('dist', 'cli.js');

const kubesim = (args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [CLI, 'simulate', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const app = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: "${image}", resources: {requests: {cpu: "1"}}}]
`;

const CLUSTER = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Node
metadata: {name: only-node}
status:
  capacity: {cpu: "8", memory: 8Gi, pods: "110"}
`;

let dir = '';
const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const git = (...args: string[]): string => {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
const hasGit = spawnSync('git', ['--version']).status === 0;

describe('kubesim simulate', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-sim-'));
    write('cluster.yaml', CLUSTER);
    write('old/app.yaml', app('nginx:1.24'));
    write('manifests/app.yaml', app('nginx:1.25'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--cluster FILE: the user\'s nodes and namespaces', () => {
    const r = kubesim(['manifests', '--cluster', 'cluster.yaml'], dir);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /deployment\.apps\/web created/);
    assert.equal((r.stdout.match(/Running .* only-node/g) ?? []).length, 2);
  });

  it('--cluster with something that is not a cluster object is a usage error', () => {
    write('bad-cluster.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    const r = kubesim(['manifests', '--cluster', 'bad-cluster.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cluster file bad-cluster\.yaml: ConfigMap "x" is not part of a cluster description/);
  });

  it('--nodes, --node-cpu and --node-memory size the default cluster', () => {
    write('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n');
    const r = kubesim(['ns.yaml', 'manifests', '--nodes', '1', '--node-cpu', '1500m', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as { objects: { kind: string; metadata: { name: string } }[]; events: { reason: string; message: string }[] };
    assert.deepEqual(out.objects.filter((o) => o.kind === 'Node').map((n) => n.metadata.name), ['control-plane', 'node-1']);
    assert.ok(out.events.some((e) => e.reason === 'FailedScheduling' && /Insufficient cpu/.test(e.message)));
    assert.equal(kubesim(['manifests', '--nodes', 'many'], dir).status, 2);
  });

  it('--from OLD reports the rollout, in text and JSON', () => {
    const text = kubesim(['manifests', '--from', 'old', '--cluster', 'cluster.yaml'], dir);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^deployment\.apps\/web configured$/m);
    assert.match(text.stdout, /ROLLOUTS\ndeployment shop\/web: new replica set web-\w+; old replica sets web-\w+ \(0\)/);
    const json = JSON.parse(kubesim(['manifests', '--from', 'old', '--cluster', 'cluster.yaml', '--format', 'json'], dir).stdout);
    assert.deepEqual(Object.keys(json), ['apply', 'objects', 'events', 'now', 'limits', 'changes']);
    assert.equal(json.changes.rollouts[0].deployment, 'web');
  });

  it('--from git:REV reads the same paths at a revision, without touching the working tree', { skip: hasGit ? false : 'git is not installed' }, () => {
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', 'manifests', 'cluster.yaml');
    fs.writeFileSync(path.join(dir, 'manifests/app.yaml'), app('nginx:1.24'));
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qam', 'old');
    fs.writeFileSync(path.join(dir, 'manifests/app.yaml'), app('nginx:1.26'));
    const r = kubesim(['manifests', '--from', 'git:HEAD', '--cluster', 'cluster.yaml', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.changes.apply[0].result, 'configured');
    assert.equal(out.changes.rollouts.length, 1);
    assert.match(fs.readFileSync(path.join(dir, 'manifests/app.yaml'), 'utf8'), /nginx:1\.26/);
    const bad = kubesim(['manifests', '--from', 'git:no-such-rev'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--from git:no-such-rev: no such revision/);
  });
});

describe('kubesim simulate into a pipe that closes early', () => {
  it('stops writing quietly instead of crashing (`kubesim simulate … | head`)', async () => {
    const { spawn } = await import('node:child_process');
    // Megabytes of output: far more than a pipe holds, so writes go on after the reader is gone.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-epipe-'));
    const deployments = Array.from({ length: 150 }, (_, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-${i}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web-${i}}}\n  template:\n    metadata: {labels: {app: web-${i}}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n`);
    fs.writeFileSync(path.join(dir, 'all.yaml'), deployments.join('---\n'));
    const child = spawn(process.execPath, [CLI, 'simulate', path.join(dir, 'all.yaml'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end, as `head -c` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.doesNotMatch(stderr, /EPIPE|internal error|Unhandled/, stderr);
    assert.equal(code, 0);
  });
});
