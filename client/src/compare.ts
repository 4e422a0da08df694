import * as vscode from 'vscode';
import { headSources } from './gitHead';
import { changesMarkdown } from './model/compare';
import type { SimulationResult } from './protocol';
import type { Simulation } from './simulation';

async function showChanges(title: string, result: SimulationResult | undefined): Promise<void> {
  if (!result?.changes) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: changesMarkdown(title, result.changes) });
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/**
 * "Compare with last simulation": re-applies the scope over its previous
 * simulation, whose texts the language server kept, and lists what
 * `kubectl apply` would change.
 */
export async function compareWithLast(simulation: Simulation): Promise<void> {
  const scope = simulation.scope;
  if (!simulation.result || !scope) {
    void vscode.window.showInformationMessage('Kubesim: simulate first (Kubesim: Simulate Apply); then edit and compare.');
    return;
  }
  const after = await simulation.run(scope, { from: 'last', title: 'Kubesim: re-applying over the last simulation' });
  await showChanges(`Re-applying ${scope.name} over the last simulation`, after);
}

/**
 * "Compare with git HEAD": applies the scope's files as committed at HEAD,
 * lets the cluster settle, applies the working tree over them and lists what
 * changed. Runs git, so only in a trusted workspace.
 */
export async function compareWithGitHead(simulation: Simulation): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Kubesim: Compare with git HEAD runs git, which needs a trusted workspace.');
    return;
  }
  const scope = simulation.scope ?? simulation.scopeOf();
  if (!scope) {
    void vscode.window.showInformationMessage('Kubesim: open a folder or a YAML file to compare.');
    return;
  }
  let sources: Awaited<ReturnType<typeof headSources>>;
  try {
    sources = await headSources(scope.uris);
  } catch (e) {
    void vscode.window.showErrorMessage(`Kubesim could not read git HEAD: ${(e as Error).message}`);
    return;
  }
  const after = await simulation.run(scope, { from: { sources }, title: 'Kubesim: applying the working tree over git HEAD' });
  await showChanges(`Applying ${scope.name} over git HEAD`, after);
}
