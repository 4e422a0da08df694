import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './client';
import { deployment, makeWorkspace } from './workspaceFixtures';

/** The server indexes the workspace folder from disk; files it has not been shown still count. */

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n';
const CONFIG_MAP = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  mode: fast\n`;
const OTHER = deployment('other', 'other-config').replace('name: web\nspec', 'name: other\nspec') + '---\n' + CONFIG_MAP('other-config');

interface DebugWorkspace {
  indexing: boolean;
  files: string[];
  ruleEvaluations: Record<string, number>;
}

const codes = (p: { diagnostics: { code?: unknown }[] }): unknown[] => p.diagnostics.map((d) => d.code);

describe('LSP workspace index: open files see the manifests on disk', () => {
  const ws = makeWorkspace({
    'deployment.yaml': deployment('web'),
    'service.yaml': SERVICE,
    'config/web-config.yaml': CONFIG_MAP('web-config'),
    'other.yaml': OTHER,
    'node_modules/pkg/bad.yaml': CONFIG_MAP('from-node-modules'),
    'excluded/gen.yaml': CONFIG_MAP('excluded'),
    'binary.yaml': 'apiVersion: v1\u0000\u0001',
  });
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootUri: pathToFileURL(ws.dir).href, editorCapabilities: true, initSettings: { exclude: ['excluded/**'] } });
    await client.progressEnded();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('indexes every manifest under the folder, skipping node_modules, excluded globs and binary files, with progress begin, n/N reports and end', async () => {
    const info = await client.request<DebugWorkspace>('kubesim/debug/workspace');
    assert.deepEqual(info.files.sort(), ['config/web-config.yaml', 'deployment.yaml', 'other.yaml', 'service.yaml'].map(ws.uri).sort());
    assert.equal(info.indexing, false);
    const progress = client.events.filter((e) => e.type === 'progress');
    assert.equal(progress[0].type === 'progress' && progress[0].kind, 'begin');
    assert.equal(progress.at(-1)?.type === 'progress' && progress.at(-1)?.kind, 'end');
    assert.ok(progress.some((e) => e.type === 'progress' && e.kind === 'report' && e.message === '5/5'), JSON.stringify(progress));
    await client.registered('workspace/didChangeWatchedFiles');
  });

  it('knows a ConfigMap that lives only on disk, and the Service an edit breaks warns with the open file as its related location', async () => {
    const dep = ws.uri('deployment.yaml');
    await client.open(dep, deployment('web'), 1);
    assert.deepEqual(codes({ diagnostics: await client.diagnostics(dep, 1) }), []);
    // The editor's text wins over the disk: a ConfigMap that exists nowhere is reported.
    await client.change(dep, deployment('web', 'missing-config'), 2);
    assert.deepEqual(codes({ diagnostics: await client.diagnostics(dep, 2) }), ['configmap-ref-missing']);
  });

  it('follows files created and deleted on disk through didChangeWatchedFiles', async () => {
    const dep = ws.uri('deployment.yaml');
    const before = client.publishesFor(dep).length;
    ws.write('extra/missing-config.yaml', CONFIG_MAP('missing-config'));
    await client.filesChanged([{ uri: ws.uri('extra/missing-config.yaml'), type: 1 }]);
    assert.deepEqual(codes(await client.nextPublish(dep, before)), []);
    const again = client.publishesFor(dep).length;
    fs.rmSync(path.join(ws.dir, 'extra'), { recursive: true });
    // Deleting a folder reports only the folder.
    await client.filesChanged([{ uri: ws.uri('extra'), type: 3 }]);
    assert.deepEqual(codes(await client.nextPublish(dep, again)), ['configmap-ref-missing']);
    // A file changed on disk: the ConfigMap is renamed to the one the open Deployment wants.
    const third = client.publishesFor(dep).length;
    ws.write('config/web-config.yaml', CONFIG_MAP('missing-config'));
    await client.filesChanged([{ uri: ws.uri('config/web-config.yaml'), type: 2 }]);
    assert.deepEqual(codes(await client.nextPublish(dep, third)), []);
  });

  it('falls back to the disk text when the editor closes, instead of forgetting the file', async () => {
    const dep = ws.uri('deployment.yaml');
    const svc = ws.uri('service.yaml');
    await client.change(dep, deployment('api'), 3);
    await client.diagnostics(dep, 3);
    await client.open(svc, SERVICE, 1);
    assert.deepEqual(codes({ diagnostics: await client.diagnostics(svc, 1) }), ['service-selector-no-match']);
    const before = client.publishesFor(svc).length;
    await client.close(dep);
    // The disk's Deployment has app: web again, so the Service selects pods.
    assert.deepEqual(codes(await client.nextPublish(svc, before)), []);
    const info = await client.request<DebugWorkspace>('kubesim/debug/workspace');
    assert.ok(info.files.includes(dep));
    await client.close(svc);
  });
});

describe('LSP workspace index with kubesim.diagnostics.scope = workspace', () => {
  const ws = makeWorkspace({ 'deployment.yaml': deployment('web'), 'service.yaml': SERVICE, 'config.yaml': CONFIG_MAP('web-config'), 'other.yaml': OTHER });
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootUri: pathToFileURL(ws.dir).href, editorCapabilities: true, initSettings: { diagnostics: { scope: 'workspace' } } });
    await client.progressEnded();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('publishes every indexed file, and re-checks only the files an edit concerns', async () => {
    const dep = ws.uri('deployment.yaml');
    const svc = ws.uri('service.yaml');
    const other = ws.uri('other.yaml');
    assert.deepEqual(codes(await client.publishMatching(svc, () => true)), []);
    assert.deepEqual(codes(await client.publishMatching(other, () => true)), []);
    await client.open(dep, deployment('web'), 1);
    await client.diagnostics(dep, 1);
    const counts = (await client.request<DebugWorkspace>('kubesim/debug/workspace')).ruleEvaluations;
    const before = client.publishesFor(svc).length;
    // Editing the Deployment's labels in one file updates the Service's diagnostic in another, unopened one…
    await client.change(dep, deployment('api'), 2);
    await client.diagnostics(dep, 2);
    const warned = await client.nextPublish(svc, before);
    assert.deepEqual(codes(warned), ['service-selector-no-match']);
    assert.equal(warned.version, undefined);
    // …without re-checking unrelated files: the workspace rules ran again only on the edited file and the Service.
    const now = (await client.request<DebugWorkspace>('kubesim/debug/workspace')).ruleEvaluations;
    assert.ok(now[dep] > counts[dep], 'the edited file is re-checked');
    assert.ok(now[svc] > counts[svc], 'the Service that reads its labels is re-checked');
    assert.equal(now[other], counts[other], 'an unrelated Deployment is not re-checked');
    assert.equal(now[ws.uri('config.yaml')], counts[ws.uri('config.yaml')], 'an unrelated ConfigMap is not re-checked');
  });

  it('withdraws the unopened files\u2019 diagnostics when the scope goes back to open files', async () => {
    const svc = ws.uri('service.yaml');
    const before = client.publishesFor(svc).length;
    await client.changeConfiguration({ kubesim: { diagnostics: { scope: 'openFiles' } } });
    assert.deepEqual(codes(await client.nextPublish(svc, before)), []);
  });
});

describe('LSP workspace index: an opened file is answered before indexing ends', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 1500; i++) files[`apps/app-${String(i).padStart(4, '0')}/configmap.yaml`] = CONFIG_MAP(`config-${i}`);
  const ws = makeWorkspace(files);
  after(() => fs.rmSync(ws.dir, { recursive: true, force: true }));

  it('publishes the open document while the background index is still running', async () => {
    const client = await LspClient.start({ rootUri: pathToFileURL(ws.dir).href, editorCapabilities: true });
    try {
      const uri = ws.uri('open.yaml');
      await client.open(uri, deployment('web', 'config-1499'), 1);
      await client.diagnostics(uri, 1);
      // A file the index has yet to read, open with other text than the disk's: the editor's text must survive the index.
      const onDisk = ws.uri('apps/app-1400/configmap.yaml');
      await client.open(onDisk, deployment('web', 'nope'), 1);
      // Requests are answered while the index runs.
      const items = await client.completion(uri, { line: 1, character: 0 });
      const answeredAt = client.events.length;
      assert.ok(items.length > 0);
      await client.progressEnded();
      assert.ok(!client.events.slice(0, answeredAt).some((e) => e.type === 'progress' && e.kind === 'end'), 'completion was answered before the index ended');
      assert.deepEqual(codes(client.publishesFor(onDisk).at(-1)!), ['configmap-ref-missing']);
      const firstPublish = client.events.findIndex((e) => e.type === 'publish' && e.uri === uri && e.version === 1);
      const end = client.events.findIndex((e) => e.type === 'progress' && e.kind === 'end');
      assert.ok(firstPublish >= 0 && firstPublish < end, `the open file's diagnostics (event ${firstPublish}) come before the index ends (event ${end})`);
      // Once the index is complete, the ConfigMap from the last file is known.
      const last = client.publishesFor(uri).at(-1)!;
      assert.deepEqual(codes(last), []);
      const reports = client.events.flatMap((e) => (e.type === 'progress' && e.kind === 'report' ? [e.message] : []));
      assert.ok(reports.length > 1, 'progress is reported along the way');
      assert.equal(reports.at(-1), '1500/1500');
    } finally {
      await client.stop();
    }
  });
});
