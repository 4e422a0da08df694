import * as vscode from 'vscode';
import { buildTree, type TreeNode } from './model/tree';
import type { Simulation } from './simulation';

/** A snapshot of what the view shows, for tests: labels and descriptions, all the way down. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  children: TreeSnapshot[];
}

/**
 * The "Simulated Cluster" view: the tree model of the last simulation,
 * mapped one to one onto TreeItems. Selecting an item reveals the manifest
 * it came from (or its owner's, for generated objects).
 */
export class ClusterTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(simulation: Simulation) {
    this.subscription = simulation.onDidChange((result) => {
      this.roots = result ? buildTree(result) : [];
      this.changed.fire(undefined);
    });
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    const state = n.children.length === 0 ? vscode.TreeItemCollapsibleState.None : this.expandedByDefault(n) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, state);
    item.description = n.description;
    item.tooltip = n.tooltip ?? (n.description ? `${n.label}: ${n.description}` : n.label);
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon, n.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (n.ref) {
      item.contextValue = `kubesim.object.${n.ref.kind}`;
      item.command = { command: 'kubesim.revealObject', title: 'Reveal Manifest', arguments: [n.ref] };
    }
    return item;
  }

  getChildren(n?: TreeNode): TreeNode[] {
    return n ? n.children : this.roots;
  }

  snapshot(): TreeSnapshot[] {
    const snap = (n: TreeNode): TreeSnapshot => ({ label: n.label, ...(n.description !== undefined ? { description: n.description } : {}), children: n.children.map(snap) });
    return this.roots.map(snap);
  }

  /** Namespaces and rejections open; the long lists (nodes, events) closed. */
  private expandedByDefault(n: TreeNode): boolean {
    return this.roots.includes(n) && n.label !== 'Nodes' && n.label !== 'Events';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
