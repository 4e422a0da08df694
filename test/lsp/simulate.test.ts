import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { LspClient, textAt } from './client';

/** The `kubesim/simulate` request as the VS Code client sends it: a scope of files and folders on disk. */
const SECRET_VALUE = 'c3VwZXItc2VjcmV0LXBhc3N3b3Jk'; // base64 of super-secret-password
const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
          envFrom: [{secretRef: {name: creds}}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;
const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: ${SECRET_VALUE}
stringData:
  token: plain-text-token-value
`;

interface Response {
  apply: { kind: string; name: string; result: string; message: string }[];
  objects: { kind: string; metadata: { name: string; namespace?: string; uid?: string; ownerReferences?: unknown[]; annotations?: Record<string, string> }; status?: { phase?: string }; spec?: { replicas?: number } }[];
  events: unknown[];
  locations: { kind: string; namespace?: string; name: string; uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  files: string[];
  skipped: string[];
}

describe('LSP kubesim/simulate', () => {
  let client: LspClient;
  let dir: string;
  const uri = (...p: string[]): string => pathToFileURL(path.join(dir, ...p)).href;
  const simulate = (params: unknown): Promise<Response> => client.connection.sendRequest('kubesim/simulate', params);
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-sim-'));
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'app', 'web.yaml'), APP);
    fs.writeFileSync(path.join(dir, 'app', 'secret.yaml'), SECRET);
    fs.mkdirSync(path.join(dir, 'app', 'drafts'));
    fs.writeFileSync(path.join(dir, 'app', 'drafts', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: draft}\n');
    client = await LspClient.start();
  });
  after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies a folder and runs its pods, with the manifest location of every applied object', async () => {
    const r = await simulate({ uris: [uri('app')] });
    assert.deepEqual(r.files, ['drafts/extra.yaml', 'secret.yaml', 'web.yaml']);
    assert.deepEqual(r.apply.map((a) => a.message), ['configmap/draft created', 'secret/creds created', 'deployment.apps/web created', 'service/web created']);
    const pods = r.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
    assert.equal(pods.length, 2);
    assert.ok(pods.every((p) => p.status?.phase === 'Running'), JSON.stringify(pods.map((p) => p.status)));
    const dep = r.locations.find((l) => l.kind === 'Deployment' && l.name === 'web');
    assert.ok(dep, JSON.stringify(r.locations));
    assert.equal(dep.uri, uri('app', 'web.yaml'));
    assert.equal(dep.namespace, 'default');
    assert.equal(textAt(APP, dep.range), 'web');
    assert.equal(dep.range.start.line, 3);
    // Generated objects have no location of their own; they point at an owner.
    assert.ok(!r.locations.some((l) => l.kind === 'Pod' || l.kind === 'ReplicaSet'));
  });

  it('never sends Secret values, in any field', async () => {
    const r = await simulate({ uris: [uri('app')] });
    const json = JSON.stringify(r);
    assert.ok(!json.includes(SECRET_VALUE));
    assert.ok(!json.includes('plain-text-token-value'));
    assert.ok(!json.includes('super-secret-password'));
    const secret = r.objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'creds') as unknown as { data: Record<string, string> };
    // The API server merges stringData into data; both values are masked, the keys stay.
    assert.deepEqual(secret.data, { password: '***', token: '***' });
    const hidden = await simulate({ uris: [uri('app')], secretValues: 'hidden' });
    const hiddenSecret = hidden.objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'creds') as unknown as Record<string, unknown>;
    assert.equal(hiddenSecret.data, undefined);
    assert.equal(hiddenSecret.stringData, undefined);
  });

  it('leaves out the last-applied annotations when the client asks, and keeps them by default', async () => {
    const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
    const full = await simulate({ uris: [uri('app')] });
    const applied = (r: Response): number => r.objects.filter((o) => o.metadata.annotations?.[LAST] !== undefined).length;
    assert.equal(applied(full), 4, 'the four applied objects carry it, as kubectl apply leaves it');
    const lean = await simulate({ uris: [uri('app')], lastApplied: false });
    assert.equal(applied(lean), 0);
    // Only that annotation goes: a Deployment keeps its revision, and the objects are the same ones.
    const dep = lean.objects.find((o) => o.kind === 'Deployment');
    assert.equal(dep?.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
    assert.deepEqual(lean.objects.map((o) => o.metadata.uid), full.objects.map((o) => o.metadata.uid));
    assert.ok(!lean.objects.some((o) => o.metadata.annotations !== undefined && Object.keys(o.metadata.annotations).length === 0), 'no empty annotations map is left');
  });

  it('uses the unsaved text of open documents over the file on disk', async () => {
    const edited = APP.replace('replicas: 2', 'replicas: 4');
    await client.open(uri('app', 'web.yaml'), edited, 1);
    try {
      const r = await simulate({ uris: [uri('app', 'web.yaml')] });
      assert.equal(r.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-')).length, 4);
      assert.deepEqual(r.files, ['web.yaml']);
    } finally {
      await client.close(uri('app', 'web.yaml'));
    }
  });

  it('leaves out files matching the exclude globs', async () => {
    const r = await simulate({ uris: [uri('app')], exclude: ['drafts/**'] });
    assert.deepEqual(r.files, ['secret.yaml', 'web.yaml']);
  });

  it('applies given texts instead of the disk (a git revision), and sizes the cluster from the node settings', async () => {
    const big = APP.replace('replicas: 2', 'replicas: 5').replace('          envFrom: [{secretRef: {name: creds}}]\n', '').replace('ports: [{containerPort: 80}]', 'ports: [{containerPort: 80}]\n          resources: {requests: {cpu: "1500m"}}');
    const r = await simulate({ uris: [], sources: [{ uri: uri('app', 'web.yaml'), source: 'web.yaml', text: big }], nodes: { count: 2, cpu: '2', memory: '4Gi' } });
    assert.deepEqual(r.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name), ['control-plane', 'node-1', 'node-2']);
    const pods = r.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'));
    assert.equal(pods.length, 5);
    // One 1.5-CPU pod fits on each 2-CPU worker; the other three stay Pending.
    assert.equal(pods.filter((p) => p.status?.phase === 'Running').length, 2);
    assert.match((r as unknown as { text: string }).text, /^deployment\.apps\/web created\n/);
    await assert.rejects(simulate({ uris: [uri('app')], nodes: { count: 0, cpu: '2', memory: '4Gi' } }), /"nodes" must be/);
  });

  it('stops when the client cancels, with RequestCancelled', async () => {
    // A small scope can be simulated before the cancellation has crossed the pipe, so a
    // bare request-then-cancel passes or fails with the machine's speed. While the server
    // is busy with a large simulation, the next request and its cancellation both wait
    // in its input, and the cancellation is read before that request can finish.
    const apps = Array.from({ length: 300 }, (_, i) => APP.replace(/\bweb\b/g, `web-${i}`)).join('---\n');
    const busy = simulate({ uris: [], sources: [{ uri: uri('busy.yaml'), source: 'busy.yaml', text: apps }] });
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('kubesim/simulate', { uris: [uri('app')] }, source.token);
    source.cancel();
    await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
    assert.equal((await busy).objects.filter((o) => o.kind === 'Deployment').length, 300);
    // The server is still there and answers the next one.
    assert.ok((await simulate({ uris: [uri('app')] })).objects.length > 0);
  });

  it('answers bad parameters and missing paths with a clear error, not a crash', async () => {
    await assert.rejects(simulate({}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && /needs "uris"/.test(e.message));
    await assert.rejects(simulate({ uris: [uri('nope')] }), (e: unknown) => e instanceof ResponseError && /cannot read .*nope: no such file or directory/.test(e.message));
    await assert.rejects(simulate({ uris: [uri('app')], exclude: 'x' }), (e: unknown) => e instanceof ResponseError && /exclude/.test(e.message));
    await assert.rejects(simulate({ uris: [uri('app')], lastApplied: 'no' }), (e: unknown) => e instanceof ResponseError && /lastApplied/.test(e.message));
  });
});
