import type * as vscode from 'vscode';

/**
 * What the extension promises its tests and other extensions (fixed with the
 * client side): the API returned by activate() and the result of the
 * kubesim.simulateApply command, shaped like `kubesim simulate --format json`.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; ownerReferences?: { kind: string; name: string }[]; labels?: Record<string, string> };
  spec?: Record<string, unknown> & { nodeName?: string; clusterIP?: string };
  status?: Record<string, unknown> & { phase?: string };
}

export interface ApplyLine {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  result: string;
  message: string;
}

export interface SimulationResult {
  apply: ApplyLine[];
  objects: KubeObject[];
  events: { type: string; reason: string; message: string }[];
}

export interface TreeNode {
  label: string;
  description?: string;
  children: TreeNode[];
}

export interface KubesimApi {
  simulate(uri?: vscode.Uri): Promise<SimulationResult>;
  clusterTree(): Promise<TreeNode[]>;
}
