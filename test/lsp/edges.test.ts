import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

/** What the server does at the edges: unknown documents, odd positions, bad settings, the CLI launcher. */
// Each document gets its own object name: open documents form a workspace, where equal names are duplicates.
let names = 0;
const broken = (): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${++names}\ndta: {}\n`;
const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

async function everyRequest(client: LspClient, uri: string, position: { line: number; character: number }): Promise<unknown[]> {
  return [await client.completion(uri, position), await client.hover(uri, position), await client.documentSymbols(uri), await client.foldingRanges(uri), await client.codeActions(uri, RANGE, [])];
}

describe('LSP edges', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it('answers requests about a document it never saw with empty results', async () => {
    assert.deepEqual(await everyRequest(client, 'file:///ws/never-opened.yaml', { line: 0, character: 0 }), [[], null, [], [], []]);
  });

  it('answers requests about a closed document with empty results', async () => {
    const uri = 'file:///ws/closed.yaml';
    await client.open(uri, broken(), 1);
    await client.diagnostics(uri, 1);
    assert.ok((await client.documentSymbols(uri)).length === 1);
    await client.close(uri);
    assert.deepEqual(await everyRequest(client, uri, { line: 1, character: 2 }), [[], null, [], [], []]);
  });

  it('answers positions past the end of the document with empty results, not errors', async () => {
    const uri = 'file:///ws/short.yaml';
    await client.open(uri, broken(), 1);
    await client.diagnostics(uri, 1);
    for (const position of [{ line: 999, character: 0 }, { line: 6, character: 0 }, { line: 10_000_000, character: 10_000_000 }]) {
      assert.deepEqual(await client.completion(uri, position), [], JSON.stringify(position));
      assert.equal(await client.hover(uri, position), null);
    }
    // A character past the end of an existing line is clamped to the line end, as LSP says.
    await assert.doesNotReject(client.hover(uri, { line: 1, character: 500 }));
    assert.ok(Array.isArray(await client.completion(uri, { line: 1, character: 500 })));
  });

  it('still serves the document after all that', async () => {
    const uri = 'file:///ws/after.yaml';
    await client.open(uri, broken(), 7);
    assert.deepEqual((await client.diagnostics(uri, 7)).map((d) => d.code), ['schema-unknown-field']);
  });
});

describe('LSP settings', () => {
  let client: LspClient | undefined;
  after(() => client?.kill());

  it('falls back to the default of each invalid setting, and says so', async () => {
    client = await LspClient.start({
      configuration: { kubernetesVersion: 7, maxFileSize: 'big', defaultNamespace: 'Not A Namespace', rules: { 'schema-unknown-field': 'loud', 'no-such-rule': 'off' } },
    });
    for (const w of [/kubernetesVersion .*using 1\.30/, /maxFileSize .*using 5000000/, /defaultNamespace .*using default/, /no rule "no-such-rule"/, /rules\.schema-unknown-field must be/]) {
      assert.equal((await client.message(w)).type, MessageType.Warning);
    }
    const uri = 'file:///ws/settings.yaml';
    await client.open(uri, broken(), 1);
    const ds = await client.diagnostics(uri, 1);
    // maxFileSize fell back to 5 MB (the file is checked) and the bad severity left the rule at error.
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['schema-unknown-field', DiagnosticSeverity.Error]]);

    // Valid values, by contrast, apply: a severity override and a tiny maxFileSize.
    client.setConfiguration({ rules: { 'schema-unknown-field': 'warning' } });
    const seen = client.publishesFor(uri).length;
    await client.changeConfiguration({});
    const next = await client.nextPublish(uri, seen);
    assert.deepEqual(next.diagnostics.map((d) => [d.code, d.severity]), [['schema-unknown-field', DiagnosticSeverity.Warning]]);

    client.setConfiguration({ maxFileSize: 10 });
    await client.changeConfiguration({});
    await client.message(/larger than kubesim\.maxFileSize/);
    assert.equal(await client.stop(), 0);
  });

  it('reads settings pushed by clients that do not answer configuration pulls', async () => {
    const pushed = await LspClient.start({ initSettings: { rules: { 'schema-unknown-field': 'off' } } });
    try {
      const uri = 'file:///ws/pushed.yaml';
      await pushed.open(uri, broken(), 1);
      assert.deepEqual(await pushed.diagnostics(uri, 1), []);
      const seen = pushed.publishesFor(uri).length;
      await pushed.changeConfiguration({ kubesim: { rules: { 'schema-unknown-field': 'hint' }, maxFileSize: -3 } });
      const next = await pushed.nextPublish(uri, seen);
      assert.deepEqual(next.diagnostics.map((d) => d.severity), [DiagnosticSeverity.Hint]);
      await pushed.message(/maxFileSize/);
      assert.equal(await pushed.stop(), 0);
    } finally {
      pushed.kill();
    }
  });
});

describe('kubesim lsp --stdio', () => {
  it('runs the same language server from the CLI', async () => {
    const cli = await LspClient.start({ launch: 'cli' });
    try {
      assert.equal(cli.initializeResult.serverInfo?.name, 'kubesim');
      const uri = 'file:///ws/via-cli.yaml';
      await cli.open(uri, broken(), 3);
      const ds = await cli.diagnostics(uri, 3);
      assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['schema-unknown-field', 4, 0, 3]]);
      assert.equal(await cli.stop(), 0);
    } finally {
      cli.kill();
    }
  });
});
