import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, SymbolKind, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, positionOf, textAt } from './client';

/** Editor features over LSP: outline, folding, completion and hover, against the built server. */
const MANIFEST = `apiVersion: apps/v1
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
          imagePullPolicy: IfNotPresent
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

describe('LSP editor features', () => {
  let client: LspClient;
  const uri = 'file:///ws/app.yaml';
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, MANIFEST, 1);
    await client.diagnostics(uri, 1);
  });
  after(() => client.kill());

  it('outlines one symbol per object, with its fields as children', async () => {
    const symbols = await client.documentSymbols(uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
      ['Deployment web', 'apps/v1 · shop', SymbolKind.Class],
      ['Service web', 'v1', SymbolKind.Class],
    ]);
    assert.equal(textAt(MANIFEST, symbols[0].selectionRange), 'Deployment');
    assert.equal(symbols[0].range.start.line, 0);
    assert.equal(symbols[1].range.start.line, 20);
    const spec = symbols[0].children?.find((c) => c.name === 'spec');
    assert.ok(spec);
    assert.equal(textAt(MANIFEST, spec.selectionRange), 'spec');
    const containers = spec.children?.find((c) => c.name === 'template')?.children?.find((c) => c.name === 'spec')?.children?.find((c) => c.name === 'containers');
    assert.deepEqual(containers?.children?.map((c) => c.name), ['web']);
  });

  it('folds each document and each nested block, by lines', async () => {
    const ranges = await client.foldingRanges(uri);
    const pairs = ranges.map((r) => [r.startLine, r.endLine]);
    assert.ok(pairs.some(([s, e]) => s === 0 && e === 18), `first document 0-18 in ${JSON.stringify(pairs)}`);
    assert.ok(pairs.some(([s, e]) => s === 19 && e === 28), `second document, from its --- line, in ${JSON.stringify(pairs)}`);
    assert.ok(pairs.some(([s, e]) => s === 5 && e === 18), 'spec: block');
    assert.ok(pairs.some(([s, e]) => s === 2 && e === 4), 'metadata: block');
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it('completes the keys valid at the cursor (the container fields under containers[0])', async () => {
    const text = MANIFEST.replace('          imagePullPolicy: IfNotPresent\n', '          imagePullPolicy: IfNotPresent\n          \n');
    await client.change(uri, text, 2);
    await client.diagnostics(uri, 2);
    const at = positionOf(text, '          \n', 10);
    const items = await client.completion(uri, at);
    const labels = items.map((i) => i.label);
    for (const k of ['ports', 'env', 'resources', 'livenessProbe']) assert.ok(labels.includes(k), `${k} in ${labels.slice(0, 30).join(', ')}`);
    assert.ok(!labels.includes('replicas'), 'replicas is not a container field');
    assert.ok(!labels.includes('image') && !labels.includes('name'), 'keys already written are left out');
    assert.equal(items.find((i) => i.label === 'ports')?.kind, CompletionItemKind.Field);
  });

  it('completes the allowed values of an enum', async () => {
    const text = MANIFEST.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: ');
    await client.change(uri, text, 3);
    await client.diagnostics(uri, 3);
    const items = await client.completion(uri, positionOf(text, 'imagePullPolicy: ', 'imagePullPolicy: '.length));
    assert.deepEqual(
      items.map((i) => i.label).filter((l) => ['Always', 'IfNotPresent', 'Never'].includes(l)).sort(),
      ['Always', 'IfNotPresent', 'Never'],
    );
    await client.change(uri, MANIFEST, 4);
    await client.diagnostics(uri, 4);
  });

  it('hovers a key with the field description, over the key range', async () => {
    const h = await client.hover(uri, positionOf(MANIFEST, 'imagePullPolicy', 3));
    assert.ok(h, 'a hover on imagePullPolicy');
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /Image pull policy/i);
    assert.match(value, /Always|IfNotPresent|Never/);
    assert.ok(h.range);
    assert.equal(textAt(MANIFEST, h.range), 'imagePullPolicy');
  });
});
