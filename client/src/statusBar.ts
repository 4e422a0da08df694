import * as vscode from 'vscode';
import { statusText } from './model/status';
import type { Simulation } from './simulation';

/** "k8s: 24 objects · 2 warnings"; clicking it simulates the workspace. Shown while a YAML file is open. */
export function createStatusBar(simulation: Simulation): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('kubesim.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Kubesim';
  item.command = 'kubesim.simulateApply';
  const update = (): void => {
    const { text, tooltip } = statusText(simulation.result);
    const warnings = simulation.result?.events.some((e) => e.type === 'Warning') || simulation.result?.apply.some((a) => a.result === 'rejected');
    item.text = `$(${warnings ? 'warning' : 'server-environment'}) ${text}`;
    item.tooltip = tooltip;
    const yaml = vscode.window.activeTextEditor?.document.languageId === 'yaml';
    if (yaml || simulation.result) item.show();
    else item.hide();
  };
  update();
  return vscode.Disposable.from(item, simulation.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
