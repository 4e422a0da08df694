import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildGraph, type Graph } from './model/graph';
import { graphHtml } from './model/graphHtml';
import { parseGraphMessage } from './model/messages';
import { revealObject } from './reveal';
import type { Simulation } from './simulation';

export const GRAPH_VIEW_TYPE = 'kubesim.graph';

/**
 * The resource graph: one webview panel that follows the last simulation.
 * The page loads only dist/graph.js (nonce'd) from the extension, under
 * `default-src 'none'`; messages from it are validated before use.
 */
export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private graph: Graph = { nodes: [], edges: [] };
  private ready = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri, private readonly simulation: Simulation) {
    this.subscription = simulation.onDidChange((result) => {
      this.graph = result ? buildGraph(result) : { nodes: [], edges: [] };
      this.post();
    });
    if (simulation.result) this.graph = buildGraph(simulation.result);
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Kubesim: Resource Graph', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = graphHtml(panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.js')).toString(), panel.webview.cspSource, randomBytes(16).toString('base64'));
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const known = new Set(this.graph.nodes.filter((n) => !n.missing).map((n) => n.id));
      const m = parseGraphMessage(raw, known);
      if (!m) return;
      if (m.type === 'ready') {
        this.ready = true;
        this.post();
      } else {
        const node = this.graph.nodes.find((n) => n.id === m.id);
        if (node?.ref) void revealObject(this.simulation, node.ref);
      }
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    return panel;
  }

  private post(): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage({ type: 'graph', graph: this.graph });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
