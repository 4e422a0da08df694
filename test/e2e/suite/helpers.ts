import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kubesim.kubesim';

/** Guards against hangs only; a test waits for an event or a state, never for a duration. */
const HANG_GUARD_MS = 60_000;

/**
 * Polls until `probe` returns something truthy; after the hang guard, fails with
 * `what` and, when given, what `seen()` describes of the state at that moment.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, seen?: () => string): Promise<T> {
  const deadline = Date.now() + HANG_GUARD_MS;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}${seen ? `; seen: ${seen()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/e2e/fixtures/workspace, copied)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/** Kubesim's diagnostics for a file (other extensions' are ignored). */
export function kubesimDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kubesim');
}

/** A diagnostic list in one line, for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length === 0 ? 'no diagnostics' : all.map((d) => `[${d.source} ${ruleId(d)} @${d.range.start.line + 1}:${d.range.start.character + 1}] ${d.message}`).join(' | ');
}

export function ruleId(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The extension, activated (opening a YAML file is what activates it). */
export async function activeExtension<T = unknown>(): Promise<vscode.Extension<T>> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  await open('app', 'app.yaml');
  await waitFor('the extension to activate', () => ext.isActive);
  return ext;
}

/** Position of the first occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
