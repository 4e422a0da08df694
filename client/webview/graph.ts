// The resource graph webview. Runs in the browser sandbox of a VS Code
// webview: no Node, no network (the CSP allows only this nonce'd script).
// It receives the graph model from the extension and sends back only
// { type: 'ready' } and { type: 'reveal', id }, which the extension validates.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

interface GraphNode { id: string; kind: string; label: string; detail?: string; missing?: boolean; unhealthy?: boolean }
interface GraphEdge { id: string; source: string; target: string; label?: string; broken?: boolean }
interface Graph { nodes: GraphNode[]; edges: GraphEdge[] }

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

cytoscape.use(dagre);
const vscode = acquireVsCodeApi();
const container = document.getElementById('graph')!;
const empty = document.getElementById('empty')!;
let cy: cytoscape.Core | undefined;
let current: Graph | undefined;
const READABLE_ZOOM = 0.8;
/** Beyond this a small graph's boxes look bloated rather than clearer. */
const LARGEST_ZOOM = 1.8;

/** Theme colours come from VS Code's CSS variables, so light, dark and high-contrast themes all read well. */
function theme(): Record<string, string> {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const contrast = v('--vscode-contrastBorder', '');
  return {
    fg: v('--vscode-editor-foreground', '#333'),
    bg: v('--vscode-editor-background', '#fff'),
    node: v('--vscode-editorWidget-background', '#eee'),
    border: contrast || v('--vscode-editorWidget-border', v('--vscode-panel-border', '#888')),
    edge: contrast || v('--vscode-editorLineNumber-foreground', '#888'),
    error: v('--vscode-editorError-foreground', '#e51400'),
    warning: v('--vscode-editorWarning-foreground', '#bf8803'),
    accent: v('--vscode-focusBorder', '#007fd4'),
    font: v('--vscode-font-family', 'sans-serif'),
    width: contrast ? '2' : '1',
  };
}

const SHAPES: Record<string, string> = {
  Ingress: 'diamond', Service: 'round-hexagon', Deployment: 'round-rectangle', StatefulSet: 'round-rectangle', DaemonSet: 'round-rectangle', Job: 'round-rectangle',
  ReplicaSet: 'round-rectangle', Pod: 'ellipse', Node: 'rectangle', PersistentVolumeClaim: 'barrel', PersistentVolume: 'barrel', ConfigMap: 'round-tag', Secret: 'round-tag',
};

function style(t: Record<string, string>): cytoscape.StylesheetJson {
  return [
    { selector: 'node', style: { label: 'data(text)', 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 10, 'font-family': t.font, color: t.fg, 'background-color': t.node, 'border-color': t.border, 'border-width': Number(t.width), shape: 'data(shape)' as never, width: 'label', height: 'label', padding: '8px' } },
    { selector: 'node.unhealthy', style: { 'border-color': t.warning, 'border-width': 2 } },
    { selector: 'node.missing', style: { 'border-color': t.error, 'border-style': 'dashed', 'border-width': 2, color: t.error } },
    { selector: 'node:selected', style: { 'border-color': t.accent, 'border-width': 3 } },
    { selector: 'edge', style: { width: Number(t.width), 'line-color': t.edge, 'target-arrow-color': t.edge, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: t.fg, 'text-background-color': t.bg, 'text-background-opacity': 1 } },
    { selector: 'edge.broken', style: { 'line-color': t.error, 'target-arrow-color': t.error, 'line-style': 'dashed', width: 2 } },
  ];
}

function render(graph: Graph): void {
  current = graph;
  empty.hidden = graph.nodes.length > 0;
  empty.textContent = 'The last simulation made nothing to draw: no workloads, Services, claims or configuration were applied.';
  const t = theme();
  cy?.destroy();
  cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, text: `${n.kind}\n${n.label}${n.detail ? `\n${n.detail}` : ''}`, shape: SHAPES[n.kind] ?? 'round-rectangle' }, classes: [n.missing ? 'missing' : '', n.unhealthy ? 'unhealthy' : ''].join(' ').trim() })),
      ...graph.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: e.label ?? '' }, classes: e.broken ? 'broken' : '' })),
    ],
    style: style(t),
    layout: { name: 'dagre', rankDir: 'LR', nodeSep: 12, rankSep: 60, edgeSep: 8 } as cytoscape.LayoutOptions,
    minZoom: 0.1,
    maxZoom: 3,
  });
  frame();
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id() as string;
    if (!id.startsWith('missing:')) vscode.postMessage({ type: 'reveal', id });
  });
}

/** Fills the panel: a small graph is enlarged (up to a comfortable size), a big one starts readable at the top left; the wheel zooms out. */
function frame(): void {
  if (!cy || cy.elements().empty()) return;
  cy.resize();
  cy.fit(undefined, 24);
  if (cy.zoom() > LARGEST_ZOOM) {
    cy.zoom(LARGEST_ZOOM);
    cy.center();
  }
  if (cy.zoom() < READABLE_ZOOM) {
    const bb = cy.elements().boundingBox();
    cy.zoom(READABLE_ZOOM);
    cy.pan({ x: 20 - bb.x1 * READABLE_ZOOM, y: 20 - bb.y1 * READABLE_ZOOM });
  }
}

// The panel is often sized after the first draw (opened beside, maximised): frame the graph again.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(frame, 100);
});

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type?: unknown; graph?: Graph };
  if (m?.type === 'graph' && m.graph && Array.isArray(m.graph.nodes) && Array.isArray(m.graph.edges)) render(m.graph);
});

// VS Code switches the body class when the theme changes; redraw with the new colours.
new MutationObserver(() => {
  if (current) cy?.style(style(theme()));
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
