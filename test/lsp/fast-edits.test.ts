import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './client';

/**
 * Issue 6: under fast edits the server never publishes a stale result. A
 * burst of incremental edits is sent without waiting; whatever versions the
 * server chooses to publish (the debounce drops the stale ones), they only go
 * forward, and the newest version's diagnostics are exactly those of the
 * final text checked from scratch.
 */
const docs = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: a${i}}\n  template:\n    metadata:\n      labels: {app: a${i}}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n          imagePullPolicy: Always\n`);

describe('fast edits', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it('publishes only forward in version, and the last version matches a fresh check of the final text', async () => {
    const uri = 'file:///ws/burst.yaml';
    const parts = docs(40);
    let text = parts.join('---\n');
    await client.open(uri, text, 1);
    await client.diagnostics(uri, 1);
    const line = text.split('\n').findIndex((l, i) => i > 300 && l.includes('imagePullPolicy'));
    const col = text.split('\n')[line].indexOf('Always');
    // Typing over the value one character at a time: "Always" → "Alwaysx…", ending in an invalid value.
    let version = 1;
    const typed = 'Nevermore';
    for (let i = 0; i < typed.length; i++) {
      version++;
      const range = { start: { line, character: col + i }, end: { line, character: col + i + (i < 6 ? 1 : 0) } };
      void client.edit(uri, range, typed[i], version);
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, col + i) + typed[i] + lines[line].slice(col + i + (i < 6 ? 1 : 0));
      text = lines.join('\n');
    }
    const last = await client.diagnostics(uri, version);
    const versions = client.publishesFor(uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    assert.deepEqual(last.map((d) => [d.code, d.range.start.line]), [['schema-enum', line]]);
    assert.match(String(last[0].message), /Nevermore/);

    const fresh = 'file:///ws/burst-fresh.yaml';
    await client.open(fresh, text.replace(/name: app-/g, 'name: fresh-'), 1);
    const expected = await client.diagnostics(fresh, 1);
    assert.deepEqual(last.map((d) => [d.code, d.range, d.message]), expected.map((d) => [d.code, d.range, d.message]));
  });
});
