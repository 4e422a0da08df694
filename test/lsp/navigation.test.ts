import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Location, Position } from 'vscode-languageserver-protocol/node';
import { SECRET_VALUES } from '../features/navWorkspace';
import { LspClient, textAt } from './client';

/** Navigation, lenses and workspace completion through the built server, across two open files. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: TOKEN
              valueFrom:
                secretKeyRef:
                  name: api-token
                  key: token
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: Secret
metadata:
  name: api-token
  namespace: shop
stringData:
  token: ${SECRET_VALUES[0]}
`;

const TEXT: Record<string, string> = {};
const dep = 'file:///ws/deployment.yaml';
const svc = 'file:///ws/service.yaml';
TEXT[dep] = DEPLOYMENT;
TEXT[svc] = SERVICE;

/** The position just inside (or, with `end`, right after) the `nth` occurrence of `needle`. */
function pos(text: string, needle: string, nth = 0, end = false): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const lines = text.slice(0, at + (end ? needle.length : 1)).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
const show = (list: Location[]): string[] => list.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line + 1}:${textAt(TEXT[l.uri], l.range)}`).sort();

describe('LSP: definition, references, code lenses and workspace completion', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
    await client.open(dep, DEPLOYMENT, 1);
    await client.open(svc, SERVICE, 1);
    await client.diagnostics(dep, 1);
    await client.diagnostics(svc, 1);
  });
  after(async () => {
    await client.stop();
  });

  it('announces the capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.definitionProvider);
    assert.ok(caps.referencesProvider);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
  });

  it('goes from the Service selector and targetPort into the other file', async () => {
    assert.deepEqual(show(await client.definition(svc, pos(SERVICE, 'app: web'))), ['deployment.yaml:14:app']);
    assert.deepEqual(show(await client.definition(svc, pos(SERVICE, 'targetPort'))), ['deployment.yaml:20:http']);
    assert.deepEqual(show(await client.definition(dep, pos(DEPLOYMENT, 'key: token'))), ['service.yaml:19:token']);
  });

  it('finds the selectors that select the template labels, and the users of a Secret', async () => {
    assert.deepEqual(show(await client.references(dep, pos(DEPLOYMENT, 'labels:'))), ['deployment.yaml:8:selector', 'service.yaml:7:selector']);
    assert.deepEqual(show(await client.references(svc, pos(SERVICE, 'api-token'), true)), ['deployment.yaml:26:api-token', 'service.yaml:16:api-token']);
  });

  it('shows lenses over the Service and the Deployment, as text without a command to run', async () => {
    const lenses = await client.codeLenses(svc);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [[0, 'selects 2 pods · deployment/web', '']]);
    assert.deepEqual((await client.codeLenses(dep)).map((l) => l.command?.title), ['exposed by service/web']);
  });

  it('completes Secret keys from the other file without their values, and follows an edit there', async () => {
    const text = DEPLOYMENT.replace('key: token', 'key: ');
    await client.change(dep, text, 2);
    const items = await client.completion(dep, pos(text, 'key: ', 0, true));
    assert.deepEqual(items.map((i) => i.label), ['token']);
    assert.ok(!JSON.stringify(items).includes(SECRET_VALUES[0]));
    await client.change(svc, SERVICE.replace('  token:', '  password:'), 2);
    await client.diagnostics(svc, 2);
    assert.deepEqual((await client.completion(dep, pos(text, 'key: ', 0, true))).map((i) => i.label), ['password']);
  });
});

describe('LSP: lenses over one file follow edits in another', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ codeLensRefresh: true });
    await client.open(dep, DEPLOYMENT, 1);
    await client.open(svc, SERVICE, 1);
    await client.diagnostics(dep, 1);
    await client.diagnostics(svc, 1);
  });
  after(async () => {
    await client.stop();
  });

  it('asks the editor to redraw lenses after an edit, and the Service lens then counts the new replicas', async () => {
    assert.deepEqual((await client.codeLenses(svc)).map((l) => l.command?.title), ['selects 2 pods · deployment/web']);
    const seen = client.lensRefreshes;
    await client.change(dep, DEPLOYMENT.replace('replicas: 2', 'replicas: 4'), 2);
    await client.diagnostics(dep, 2);
    await client.lensRefresh(seen);
    assert.deepEqual((await client.codeLenses(svc)).map((l) => l.command?.title), ['selects 4 pods · deployment/web']);
  });
});
