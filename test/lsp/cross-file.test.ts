import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './client';

/** An edit in one file updates the cross-file diagnostics of another, through the built server. */
const deployment = (app: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`;

describe('LSP: cross-file diagnostics follow edits in another file', () => {
  let client: LspClient;
  const dep = 'file:///ws/deployment.yaml';
  const svc = 'file:///ws/service.yaml';
  before(async () => {
    client = await LspClient.start();
    await client.open(dep, deployment('web'), 1);
    await client.diagnostics(dep, 1);
    await client.open(svc, SERVICE, 1);
  });
  after(async () => {
    await client.stop();
  });

  it('warns on the Service once the Deployment labels stop matching, and clears when they match again', async () => {
    assert.deepEqual((await client.diagnostics(svc, 1)).map((d) => d.code), []);
    const before = client.publishesFor(svc).length;
    await client.change(dep, deployment('api'), 2);
    await client.diagnostics(dep, 2);
    const warned = await client.nextPublish(svc, before);
    assert.deepEqual(warned.diagnostics.map((d) => d.code), ['service-selector-no-match']);
    assert.match(String(warned.diagnostics[0].message), /app=api/);
    assert.equal(warned.diagnostics[0].relatedInformation?.[0]?.location.uri, dep);
    const again = client.publishesFor(svc).length;
    await client.change(dep, deployment('web'), 3);
    await client.diagnostics(dep, 3);
    assert.deepEqual((await client.nextPublish(svc, again)).diagnostics, []);
  });
});
