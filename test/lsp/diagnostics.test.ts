import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient, positionOf, textAt } from './client';

/** Diagnostics and quick fixes, end to end through the built language server. */
const BROKEN = `apiVersion: apps/v1
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
          imagePullPolicy: always
          prots: []
`;

/** BROKEN with its own object name: open documents form a workspace, where equal names are duplicates. */
const named = (name: string): string => BROKEN.replace('  name: web\n', `  name: ${name}\n`);

const byCode = (ds: Diagnostic[], code: string): Diagnostic => {
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(ds.map((x) => x.code))}`);
  return d;
};

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offsetOf = (line: number, character: number): number => {
    let o = 0;
    for (let l = 0; l < line; l++) o = text.indexOf('\n', o) + 1;
    return o + character;
  };
  const sorted = edits.map((e) => ({ s: offsetOf(e.range.start.line, e.range.start.character), e: offsetOf(e.range.end.line, e.range.end.character), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const x of sorted) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

describe('LSP diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it('advertises what it serves', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'kubesim');
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.completionProvider && caps.codeActionProvider);
  });

  it('publishes rule-coded diagnostics with docs links, each on the exact key or value', async () => {
    const text = named('broken');
    const uri = 'file:///ws/broken.yaml';
    await client.open(uri, text, 1);
    const ds = await client.diagnostics(uri, 1);
    const unknown = byCode(ds, 'schema-unknown-field');
    assert.equal(textAt(text, unknown.range), 'prots');
    assert.equal(unknown.severity, DiagnosticSeverity.Error);
    assert.equal(unknown.source, 'kubesim');
    assert.equal(unknown.codeDescription?.href, 'https://github.com/kubesim/kubesim/blob/main/docs/rules/schema-unknown-field.md');
    assert.match(String(unknown.message), /Did you mean "ports"\?/);
    const enumDiag = byCode(ds, 'schema-enum');
    assert.equal(textAt(text, enumDiag.range), 'always');
    for (const d of ds) assert.match(d.codeDescription?.href ?? '', new RegExp(`/${d.code}\\.md$`));
    assert.deepEqual(ds.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.code).sort(), ['schema-enum', 'schema-unknown-field']);
  });

  it('offers the quick fix carried in the diagnostic data, and the fix removes the diagnostic', async () => {
    const text = named('fixme');
    const uri = 'file:///ws/fixme.yaml';
    await client.open(uri, text, 1);
    const ds = await client.diagnostics(uri, 1);
    const unknown = byCode(ds, 'schema-unknown-field');
    assert.ok(unknown.data, 'the diagnostic carries its fixes');
    const actions = await client.codeActions(uri, unknown.range, [unknown]);
    assert.equal(actions.length, 1);
    const action = actions[0];
    assert.equal(action.title, 'Rename to "ports"');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [unknown]);
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits?.length === 1);
    assert.deepEqual(edits[0].range, unknown.range);
    const fixed = applyEdits(text, edits);
    assert.match(fixed, /^ {10}ports: \[\]$/m);
    await client.change(uri, fixed, 2);
    const after = await client.diagnostics(uri, 2);
    assert.ok(!after.some((d) => d.code === 'schema-unknown-field'));
    assert.ok(after.some((d) => d.code === 'schema-enum'));
  });

  it('follows incremental edits, publishing for the newest version', async () => {
    const text = named('incremental');
    const uri = 'file:///ws/incremental.yaml';
    await client.open(uri, text, 1);
    const first = await client.diagnostics(uri, 1);
    const enumDiag = byCode(first, 'schema-enum');
    await client.edit(uri, enumDiag.range, 'Always', 2);
    const start = positionOf(text, 'prots');
    await client.edit(uri, { start, end: { line: start.line, character: start.character + 5 } }, 'ports', 3);
    const final = await client.diagnostics(uri, 3);
    assert.deepEqual(final.filter((d) => d.severity === DiagnosticSeverity.Error), []);
  });

  it('gives no code action for diagnostics without fixes, nor for foreign data', async () => {
    const uri = 'file:///ws/broken.yaml';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const foreign: Diagnostic = { range, message: 'x', data: { fixes: 'nope' } };
    const other: Diagnostic = { range, message: 'y', data: { fixes: [{ title: 3 }, null] } };
    assert.deepEqual(await client.codeActions(uri, range, [foreign, other, { range, message: 'z' }]), []);
  });

  it('keeps ranges exact in a CRLF file with a byte order mark', async () => {
    const uri = 'file:///ws/crlf.yaml';
    const text = '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\ndta: {}\r\n';
    await client.open(uri, text, 1);
    const ds = await client.diagnostics(uri, 1);
    assert.deepEqual(ds.map((d) => [d.code, textAt(text, d.range)]), [['schema-unknown-field', 'dta']]);
    assert.deepEqual(ds[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
  });

  it('clears the diagnostics of a closed document', async () => {
    const text = named('closing');
    const uri = 'file:///ws/closing.yaml';
    await client.open(uri, text, 1);
    assert.ok((await client.diagnostics(uri, 1)).length > 0);
    const seen = client.publishesFor(uri).length;
    await client.close(uri);
    const last = await client.nextPublish(uri, seen);
    assert.deepEqual(last.diagnostics, []);
  });

  it('gives nothing to YAML that is not Kubernetes, nor to a Helm template', async () => {
    const ci = 'file:///ws/.github/workflows/ci.yaml';
    await client.open(ci, 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 1);
    assert.deepEqual(await client.diagnostics(ci, 1), []);
    const helm = 'file:///ws/chart/templates/cm.yaml';
    await client.open(helm, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndta: 1\n', 1);
    assert.deepEqual(await client.diagnostics(helm, 1), []);
  });

  it('shuts down cleanly on shutdown + exit', async () => {
    const other = await LspClient.start();
    try {
      assert.equal(await other.stop(), 0);
    } finally {
      other.kill();
    }
  });
});
