import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { KubesimApi, SimulationResult, TreeNode } from './contract';
import { activeExtension, waitFor, workspaceUri } from './helpers';

const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

describe('Simulated Cluster view', () => {
  it('shows the simulated pods and services after Simulate Apply', async () => {
    const ext = await activeExtension<KubesimApi>();
    const result = await vscode.commands.executeCommand<SimulationResult>('kubesim.simulateApply', workspaceUri('app'));
    const pods = result.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('sim-web-')).map((o) => o.metadata.name);
    assert.equal(pods.length, 2);

    await vscode.commands.executeCommand('kubesim.clusterView.focus');
    const nodes = await waitFor('the tree to list the simulated pods', async () => {
      const all = flatten(await ext.exports.clusterTree());
      return pods.every((p) => all.some((n) => n.label.includes(p))) && all;
    });
    assert.ok(nodes.some((n) => n.label.includes('sim-web') && !pods.some((p) => n.label.includes(p))), 'the Deployment or Service sim-web is listed too');
    for (const n of nodes) assert.ok(n.label.trim().length > 0, 'every tree item has a label');
  });
});
