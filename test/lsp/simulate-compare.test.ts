import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import type { SimChanges } from '../../client/src/protocol';
import { LspClient } from './client';

/** `kubesim/simulate` with `from`: a re-apply over the last simulation (texts kept in the server) or over given texts (git HEAD). */
const SECRET_VALUE = 'b2xkLXNlY3JldC12YWx1ZQ=='; // base64 of old-secret-value
const NEW_SECRET_VALUE = 'bmV3LXNlY3JldC12YWx1ZQ=='; // base64 of new-secret-value
const app = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
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
const secret = (value: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  password: ${value}\n`;

interface Response {
  apply: { kind: string; name: string; result: string }[];
  objects: { kind: string; metadata: { name: string }; spec?: { replicas?: number } }[];
  text: string;
  changes?: SimChanges;
}

describe('LSP kubesim/simulate from an earlier version (re-apply)', () => {
  let client: LspClient;
  let dir: string;
  const uri = (...p: string[]): string => pathToFileURL(path.join(dir, ...p)).href;
  const simulate = (params: unknown): Promise<Response> => client.connection.sendRequest('kubesim/simulate', params);
  const write = (image: string, secretValue: string): void => {
    fs.writeFileSync(path.join(dir, 'app', 'web.yaml'), app(image));
    fs.writeFileSync(path.join(dir, 'app', 'secret.yaml'), secret(secretValue));
  };
  const noSecrets = (r: unknown): void => {
    const json = JSON.stringify(r);
    for (const v of [SECRET_VALUE, NEW_SECRET_VALUE, 'old-secret-value', 'new-secret-value']) assert.ok(!json.includes(v), `the response carries ${v}`);
  };
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-reapply-'));
    fs.mkdirSync(path.join(dir, 'app'));
    write('nginx:1.27', SECRET_VALUE);
    client = await LspClient.start();
  });
  after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers "last" before any simulation of the scope with a clear error', async () => {
    await assert.rejects(simulate({ uris: [uri('app')], from: 'last' }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && /no earlier simulation of this scope/.test(e.message));
  });

  it('re-applies over the texts of the last simulation: a new image rolls out a new ReplicaSet and replaces the pods', async () => {
    const first = await simulate({ uris: [uri('app')] });
    assert.equal(first.changes, undefined);
    write('nginx:1.28', NEW_SECRET_VALUE);
    const r = await simulate({ uris: [uri('app')], from: 'last' });
    const c = r.changes;
    assert.ok(c, 'a re-apply answers with changes');
    assert.deepEqual(c.apply.map((a) => `${a.kind}/${a.name} ${a.result}`), ['Secret/creds configured', 'Deployment/web configured', 'Service/web unchanged']);
    assert.equal(c.rollouts.length, 1);
    const rollout = c.rollouts[0];
    assert.equal(rollout.deployment, 'web');
    assert.equal(rollout.oldReplicaSets.length, 1);
    assert.equal(rollout.oldReplicaSets[0].replicas, 0);
    assert.equal(rollout.podsCreated.length, 3);
    assert.equal(rollout.podsDeleted.length, 3);
    assert.deepEqual(c.endpoints.map((e) => [e.service, e.before.length, e.after.length]), [['web', 3, 3]]);
    // The result is the cluster after the re-apply: both ReplicaSets, the old one scaled to 0, and the text is the CLI's --from report.
    const sets = r.objects.filter((o) => o.kind === 'ReplicaSet').map((o) => [o.metadata.name, o.spec?.replicas]);
    assert.deepEqual(sets.sort(), [[rollout.newReplicaSet, 3], [rollout.oldReplicaSets[0].name, 0]].sort());
    assert.match(r.text, /^secret\/creds configured\ndeployment\.apps\/web configured\nservice\/web unchanged\n/);
    assert.match(r.text, /--- cluster after the change/);
    noSecrets(r);
    // The server now remembers the new texts: re-applying them again changes nothing.
    const again = await simulate({ uris: [uri('app')], from: 'last' });
    assert.deepEqual(again.changes?.rollouts, []);
    assert.ok(again.changes?.apply.every((a) => a.result === 'unchanged'), JSON.stringify(again.changes?.apply));
  });

  it('re-applies over texts the client sends (git HEAD), and never returns their Secret values', async () => {
    write('nginx:1.28', NEW_SECRET_VALUE);
    const head = [
      { uri: uri('app', 'secret.yaml'), source: 'secret.yaml', text: secret(SECRET_VALUE) },
      { uri: uri('app', 'web.yaml'), source: 'web.yaml', text: app('nginx:1.26') },
    ];
    const r = await simulate({ uris: [uri('app')], from: { sources: head } });
    assert.equal(r.changes?.rollouts.length, 1);
    assert.equal(r.changes?.rollouts[0].podsCreated.length, 3);
    assert.deepEqual(r.changes?.rejected, []);
    noSecrets(r);
    const hidden = await simulate({ uris: [uri('app')], from: { sources: head }, secretValues: 'hidden' });
    const s = hidden.objects.find((o) => o.kind === 'Secret') as unknown as Record<string, unknown>;
    assert.equal(s.data, undefined);
    noSecrets(hidden);
  });

  it('answers a bad "from" with a clear error', async () => {
    await assert.rejects(simulate({ uris: [uri('app')], from: 'yesterday' }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && /"from" must be "last" or \{sources/.test(e.message));
    await assert.rejects(simulate({ uris: [uri('app')], from: { sources: [{ uri: 'x' }] } }), (e: unknown) => e instanceof ResponseError && /"from" must be/.test(e.message));
    await assert.rejects(simulate({ uris: [], sources: [], from: 'last' }), (e: unknown) => e instanceof ResponseError && /needs the "uris"/.test(e.message));
  });
});
