import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { KubesimApi, SimulationResult } from './contract';
import { activeExtension, workspaceUri } from './helpers';

/** The same workspace folder through the CLI, which the command must agree with. */
function simulateWithCli(extensionPath: string, folder: string): SimulationResult {
  const json = execFileSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'simulate', folder, '--format', 'json'], {
    // In Electron (test-electron), the executable is Node only with this variable.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
  return JSON.parse(json) as SimulationResult;
}

const podsOf = (r: SimulationResult, owner: string) =>
  r.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith(`${owner}-`)).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

describe('Simulate Apply', () => {
  it('returns the applied objects and the pods a cluster would run, as the CLI does', async () => {
    const ext = await activeExtension<KubesimApi>();
    const folder = workspaceUri('app');
    const result = await vscode.commands.executeCommand<SimulationResult>('kubesim.simulateApply', folder);
    assert.ok(result && Array.isArray(result.apply) && Array.isArray(result.objects) && Array.isArray(result.events), 'a {apply, objects, events} result');

    assert.deepEqual(result.apply.map((a) => [a.kind, a.name, a.result]), [['Deployment', 'sim-web', 'created'], ['Service', 'sim-web', 'created']]);
    const replicaSet = result.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata.ownerReferences?.[0]?.name === 'sim-web');
    assert.ok(replicaSet, 'the Deployment created a ReplicaSet');
    const pods = podsOf(result, 'sim-web');
    assert.equal(pods.length, 2, 'replicas: 2');
    for (const pod of pods) {
      assert.match(pod.metadata.name, new RegExp(`^${replicaSet.metadata.name}-[a-z0-9]{5}$`));
      assert.deepEqual(pod.metadata.ownerReferences?.map((o) => [o.kind, o.name]), [['ReplicaSet', replicaSet.metadata.name]]);
      assert.match(String(pod.spec?.nodeName), /^node-[1-3]$/);
      assert.equal(pod.status?.phase, 'Running');
    }
    const service = result.objects.find((o) => o.kind === 'Service' && o.metadata.name === 'sim-web');
    assert.match(String(service?.spec?.clusterIP), /^10\.\d+\.\d+\.\d+$/);

    const cli = simulateWithCli(ext.extensionPath, folder.fsPath);
    assert.deepEqual(pods.map((p) => p.metadata.name), podsOf(cli, 'sim-web').map((p) => p.metadata.name), 'same pods as `kubesim simulate`');
  });

  it('is also offered through the API that activate() returns', async () => {
    const ext = await activeExtension<KubesimApi>();
    assert.equal(typeof ext.exports?.simulate, 'function', 'activate() returns { simulate, clusterTree }');
    const result = await ext.exports.simulate(workspaceUri('app'));
    assert.equal(podsOf(result, 'sim-web').length, 2);
  });
});
