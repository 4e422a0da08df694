import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClusterTreeProvider, type TreeSnapshot } from './clusterTree';
import { compareWithGitHead, compareWithLast } from './compare';
import { GraphPanel } from './graphPanel';
import { createLanguageClient } from './languageClient';
import type { SimulationResult } from './protocol';
import { revealObject } from './reveal';
import { simulateOnSave } from './settings';
import { Simulation } from './simulation';
import { createStatusBar } from './statusBar';

/** What `activate()` returns to other extensions and to the end-to-end tests. */
export interface KubesimApi {
  simulate(uri?: vscode.Uri): Promise<SimulationResult | undefined>;
  clusterTree(): Promise<TreeSnapshot[]>;
}

let client: LanguageClient | undefined;

/**
 * Wires VS Code to the language server: all Kubernetes knowledge lives in
 * the server (dist/server.js), which any other editor can use through
 * `kubesim lsp --stdio`. The simulation runs there too, behind the
 * `kubesim/simulate` request; this side draws its result.
 */
export async function activate(context: vscode.ExtensionContext): Promise<KubesimApi> {
  const log = vscode.window.createOutputChannel('Kubesim Language Server', { log: true });
  const applyChannel = vscode.window.createOutputChannel('Kubesim Apply');
  client = createLanguageClient(context, log);
  const simulation = new Simulation(client, applyChannel, log);
  const tree = new ClusterTreeProvider(simulation);
  const graph = new GraphPanel(context.extensionUri, simulation);

  const simulate = async (uri?: vscode.Uri): Promise<SimulationResult | undefined> => {
    const scope = simulation.scopeOf(uri instanceof vscode.Uri ? uri : undefined);
    if (!scope) {
      void vscode.window.showInformationMessage('Kubesim: open a folder or a YAML file to simulate.');
      return undefined;
    }
    return simulation.run(scope);
  };

  let saveTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    log,
    applyChannel,
    simulation,
    tree,
    graph,
    vscode.window.createTreeView('kubesim.clusterView', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('kubesim.simulateApply', (uri?: vscode.Uri) => simulate(uri)),
    vscode.commands.registerCommand('kubesim.showGraph', async () => {
      graph.show();
      if (!simulation.result) await simulate();
    }),
    vscode.commands.registerCommand('kubesim.compareWithLastSimulation', () => compareWithLast(simulation)),
    vscode.commands.registerCommand('kubesim.compareWithGitHead', () => compareWithGitHead(simulation)),
    vscode.commands.registerCommand('kubesim.revealObject', (ref: unknown) => revealObject(simulation, ref)),
    vscode.commands.registerCommand('kubesim.showApplyOutput', () => applyChannel.show(true)),
    createStatusBar(simulation),
    // The live preview: after a save, the views follow the manifests (quietly, without a progress toast).
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId !== 'yaml' || !simulateOnSave() || !simulation.scope) return;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void simulation.run(simulation.scope!, { silent: true }), 300);
    }),
    { dispose: () => clearTimeout(saveTimer) },
    { dispose: () => void client?.stop() },
  );
  await client.start();
  return { simulate, clusterTree: async () => tree.snapshot() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
