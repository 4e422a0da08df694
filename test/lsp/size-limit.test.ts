import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

/**
 * Issue 7: files over kubesim.maxFileSize (default 5 MB) are skipped with one
 * information message, not a freeze: the server keeps answering, and the same
 * file edited again does not repeat the message.
 */
const DEFAULT_LIMIT = 5_000_000;

/** ConfigMaps with an unknown field each, so a checked file would have many diagnostics. */
function bigFile(bytes: number, filler: string): string {
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size <= bytes; i++) {
    const doc = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndta:\n  note: "${filler.repeat(200)}"\n---\n`;
    docs.push(doc);
    size += Buffer.byteLength(doc);
  }
  return docs.join('');
}

describe('files over kubesim.maxFileSize', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it('skips a file over the default 5 MB with one information message and empty diagnostics', async () => {
    const uri = 'file:///ws/huge.yaml';
    const text = bigFile(DEFAULT_LIMIT, 'x');
    await client.open(uri, text, 1);
    assert.deepEqual(await client.diagnostics(uri, 1), []);
    const msg = await client.message(/huge\.yaml.*maxFileSize/);
    assert.equal(msg.type, MessageType.Info);
    // Editing it again stays quiet and still skips it; requests answer at once with nothing.
    await client.change(uri, text + '# more\n', 2);
    assert.deepEqual(await client.diagnostics(uri, 2), []);
    assert.deepEqual(await client.completion(uri, { line: 4, character: 1 }), []);
    assert.equal(await client.hover(uri, { line: 1, character: 2 }), null);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.equal(client.messages.filter((m) => /maxFileSize/.test(m.message)).length, 1);
  });

  it('counts bytes, not characters: 2 MB of characters that take 2 bytes each is over the limit', async () => {
    const uri = 'file:///ws/accented.yaml';
    const text = bigFile(DEFAULT_LIMIT, 'é');
    assert.ok(text.length < DEFAULT_LIMIT && Buffer.byteLength(text) > DEFAULT_LIMIT);
    await client.open(uri, text, 1);
    assert.deepEqual(await client.diagnostics(uri, 1), []);
    await client.message(/accented\.yaml.*maxFileSize/);
  });

  it('keeps checking small files', async () => {
    const uri = 'file:///ws/small.yaml';
    await client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndta: {}\n', 1);
    assert.deepEqual((await client.diagnostics(uri, 1)).map((d) => d.code), ['schema-unknown-field']);
  });
});
