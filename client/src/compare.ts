import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { changesMarkdown, compareResults } from './model/compare';
import type { SimulationResult } from './protocol';
import type { Simulation } from './simulation';

const run = promisify(execFile);

async function showMarkdown(text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/** "Compare with last simulation": simulates the same scope again and lists what re-applying would change. */
export async function compareWithLast(simulation: Simulation): Promise<void> {
  const before = simulation.result;
  const scope = simulation.scope ?? simulation.scopeOf();
  if (!before || !scope) {
    void vscode.window.showInformationMessage('Kubesim: simulate first (Kubesim: Simulate Apply); then edit and compare.');
    return;
  }
  const after = await simulation.run(scope);
  if (!after) return;
  await showMarkdown(changesMarkdown(`Re-applying ${scope.name}: changes since the last simulation`, compareResults(before, after)));
}

/**
 * "Compare with git HEAD": simulates the scope's files as committed at HEAD
 * and as they are now, and lists what applying the working tree over HEAD
 * would change. Runs git, so only in a trusted workspace.
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
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Kubesim: comparing with git HEAD', cancellable: true }, async (_progress, token) => {
    try {
      const sources = await headSources(scope.uris);
      if (token.isCancellationRequested) return;
      const before: SimulationResult = await simulation.request({ uris: [], sources }, token);
      const after = await simulation.run(scope, { silent: true });
      if (!after || token.isCancellationRequested) return;
      await showMarkdown(changesMarkdown(`Applying ${scope.name} over git HEAD`, compareResults(before, after)));
    } catch (e) {
      if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`Kubesim could not compare with git HEAD: ${(e as Error).message}`);
    }
  });
}

/** The YAML files under each scope entry as committed at HEAD, in the order kubectl would read them. */
async function headSources(uris: readonly string[]): Promise<{ uri: string; source: string; text: string }[]> {
  const out: { uri: string; source: string; text: string }[] = [];
  for (const u of uris) {
    const fsPath = vscode.Uri.parse(u).fsPath;
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(u));
    const dir = stat.type & vscode.FileType.Directory ? fsPath : path.dirname(fsPath);
    const git = (args: string[]): Promise<string> => run('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }).then((r) => r.stdout);
    const top = (await git(['rev-parse', '--show-toplevel'])).trim();
    const listed = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-name', 'HEAD', '--', fsPath])).split('\0').filter((f) => /\.ya?ml$/i.test(f));
    listed.sort();
    for (const rel of listed) {
      const abs = path.join(top, rel);
      const text = await git(['show', `HEAD:${rel}`]);
      out.push({ uri: vscode.Uri.file(abs).toString(), source: path.relative(dir, abs).split(path.sep).join('/'), text });
    }
  }
  return out;
}
