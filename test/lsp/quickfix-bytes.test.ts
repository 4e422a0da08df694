import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Position, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

/**
 * Issue 7: a quick fix touches only its range. A file with a BOM, CRLF line
 * ends, comments and several fixable mistakes goes through the server; every
 * quick fix it offers is applied on its own to the file's bytes, and the bytes
 * outside the edit must be identical, the edit must not swallow a line end,
 * the BOM or a comment, and the fixed file must no longer have the diagnostic.
 */
const LINES = [
  '\uFEFF# Deployment for the web tier — keep this comment',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web # trailing comment',
  '  labels: {app: web}',
  'spec:',
  '  replicas: "3"   # quoted on purpose',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          imagePullPolicy: Alwys',
  '          imagePullPolcy: Always',
  '          env:',
  '            - name: DEBUG',
  '              value: yes  # YAML 1.1 boolean',
  '            - name: PORT',
  '              value: 8080',
  '# a closing comment, with accents: é ü',
  '',
];
const TEXT = LINES.join('\r\n');

function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  return i + p.character;
}

describe('quick fixes touch only their range (CRLF, BOM, comments)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it('applies every offered fix alone and leaves every other byte as it was', async () => {
    const uri = 'file:///ws/crlf-bom.yaml';
    await client.open(uri, TEXT, 1);
    const diags = await client.diagnostics(uri, 1);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } }, diags);
    // The mistakes planted above each offer a fix; fewer would mean this test checks less than it says.
    const fixed = new Set(actions.map((a) => String(a.diagnostics?.[0]?.code)));
    for (const code of ['schema-enum', 'schema-unknown-field', 'schema-type', 'yaml11-boolean']) assert.ok(fixed.has(code), `no quick fix for ${code}: ${[...fixed].join(', ')}`);
    const original = Buffer.from(TEXT, 'utf8');
    let version = 1;
    for (const action of actions) {
      const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
      assert.equal(Object.keys(action.edit?.changes ?? {}).length, 1, `${action.title} edits another file`);
      assert.ok(edits.length > 0, `${action.title} has no edit`);
      let text = TEXT;
      const spans = edits.map((e) => ({ start: offsetAt(TEXT, e.range.start), end: offsetAt(TEXT, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
      for (const s of spans) {
        const replaced = TEXT.slice(s.start, s.end);
        assert.doesNotMatch(replaced, /[\r\n\uFEFF#]/, `${action.title} replaces ${JSON.stringify(replaced)}`);
        assert.doesNotMatch(s.newText, /[\r\n\uFEFF]/, `${action.title} inserts ${JSON.stringify(s.newText)}`);
        text = text.slice(0, s.start) + s.newText + text.slice(s.end);
      }
      const after = Buffer.from(text, 'utf8');
      const first = spans[spans.length - 1];
      const last = spans[0];
      const prefix = Buffer.byteLength(TEXT.slice(0, first.start), 'utf8');
      const suffix = Buffer.byteLength(TEXT.slice(last.end), 'utf8');
      assert.ok(after.subarray(0, prefix).equals(original.subarray(0, prefix)), `${action.title}: bytes before the edit changed`);
      assert.ok(after.subarray(after.length - suffix).equals(original.subarray(original.length - suffix)), `${action.title}: bytes after the edit changed`);
      assert.equal(after[0], 0xef, 'the BOM is kept');
      assert.equal(text.split('\r\n').length, LINES.length, `${action.title}: line ends changed`);
      assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, `${action.title}: a bare line end appeared`);

      // The fix works: the server no longer reports that diagnostic at that place.
      const target = action.diagnostics![0];
      version++;
      await client.change(uri, text, version);
      const now = await client.diagnostics(uri, version);
      assert.ok(!now.some((d) => d.code === target.code && d.range.start.line === target.range.start.line), `${action.title} did not fix ${target.code}: ${JSON.stringify(now.map((d) => d.message))}`);
    }
  });
});
