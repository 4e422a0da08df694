import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './client';
import { deployment, makeWorkspace } from './workspaceFixtures';

/** The workspace root's .kubesim.yaml sets rule severities for the language server, as it does for the CLI. */
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
const PRESENT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: present\n';
const CONFIG = 'rules:\n  configmap-ref-missing: error\n  unknown-kind: off\n  servce-selector-no-match: off\n';

const summary = (p: { diagnostics: { code?: unknown; severity?: number }[] }): string[] => p.diagnostics.map((d) => `${d.severity} ${String(d.code)}`);

describe('LSP: .kubesim.yaml in the workspace root', () => {
  const ws = makeWorkspace({ '.kubesim.yaml': CONFIG, 'present.yaml': PRESENT });
  const dep = ws.uri('deploy.yaml');
  const widget = ws.uri('widget.yaml');
  const config = ws.uri('.kubesim.yaml');
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootUri: pathToFileURL(ws.dir).href, editorCapabilities: true });
    await client.progressEnded();
    await client.open(dep, deployment('web', 'missing'), 1);
    await client.open(widget, WIDGET, 1);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('changes a rule\u2019s severity and turns a rule off', async () => {
    assert.deepEqual(summary({ diagnostics: await client.diagnostics(dep, 1) }), ['1 configmap-ref-missing']);
    assert.deepEqual(summary({ diagnostics: await client.diagnostics(widget, 1) }), []);
  });

  it('reports an unknown rule id in .kubesim.yaml itself, with a did-you-mean', async () => {
    const p = await client.publishMatching(config, () => true);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].message, 'There is no rule "servce-selector-no-match"; ignored. Did you mean "service-selector-no-match"?');
    assert.deepEqual(p.diagnostics[0].range, { start: { line: 3, character: 2 }, end: { line: 3, character: 26 } });
    assert.equal(p.diagnostics[0].code, 'kubesim-config');
  });

  it('applies a change of the file on disk (didChangeWatchedFiles) to the open files', async () => {
    const d = client.publishesFor(dep).length;
    const w = client.publishesFor(widget).length;
    const c = client.publishesFor(config).length;
    fs.writeFileSync(path.join(ws.dir, '.kubesim.yaml'), 'rules:\n  configmap-ref-missing: off\n');
    await client.filesChanged([{ uri: config, type: 2 }]);
    assert.deepEqual(summary(await client.nextPublish(dep, d)), []);
    assert.deepEqual(summary(await client.nextPublish(widget, w)), ['3 unknown-kind']);
    assert.deepEqual((await client.nextPublish(config, c)).diagnostics, []);
  });

  it('applies the editor\u2019s text of .kubesim.yaml as it is typed', async () => {
    const d = client.publishesFor(dep).length;
    await client.open(config, 'rules:\n  configmap-ref-missing: off\n', 1);
    await client.change(config, 'rules:\n  configmap-ref-missing: warning\n', 2);
    assert.deepEqual(summary(await client.publishMatching(dep, (p) => p.diagnostics.length > 0, d)), ['2 configmap-ref-missing']);
  });

  it('lets the kubesim.rules setting win over the file, rule by rule', async () => {
    const d = client.publishesFor(dep).length;
    await client.changeConfiguration({ kubesim: { rules: { 'configmap-ref-missing': 'hint' } } });
    assert.deepEqual(summary(await client.publishMatching(dep, (p) => p.diagnostics[0]?.severity === 4, d)), ['4 configmap-ref-missing']);
  });
});
