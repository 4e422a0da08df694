import * as vscode from 'vscode';
import { ResultIndex } from './model/objects';
import type { ObjRef } from './protocol';
import type { Simulation } from './simulation';

/**
 * Opens the manifest an object came from and selects its name; a generated
 * object (Pod, ReplicaSet, Endpoints) opens its owner's manifest.
 */
export async function revealObject(simulation: Simulation, ref: unknown): Promise<void> {
  if (!isRef(ref) || !simulation.result) return;
  const loc = new ResultIndex(simulation.result).locate(ref);
  if (!loc) {
    void vscode.window.showInformationMessage(`Kubesim: ${ref.kind.toLowerCase()}/${ref.name} is part of the simulated cluster, not of a manifest.`);
    return;
  }
  const r = loc.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri));
  await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false, preview: true });
}

function isRef(v: unknown): v is ObjRef {
  const r = v as Partial<ObjRef> | undefined;
  return !!r && typeof r.kind === 'string' && typeof r.name === 'string' && (r.namespace === undefined || typeof r.namespace === 'string');
}
