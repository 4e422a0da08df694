import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FoldingRange,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Engine } from '../engine/check';
import { foldingSpans } from '../engine/features/folding';
import { outline, type OutlineSymbol } from '../engine/features/symbols';
import { Workspace } from '../engine/workspace';
import { loadSchemaBundle } from '../node/schemaBundle';
import { loadPrecompiledValidators } from '../node/validators';
import { Converter, quickFixes } from './convert';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerSimulate } from './simulate';
import { checkOptions, DEFAULT_SERVER_SETTINGS, readSettings, type ServerSettings } from './settings';

/** A small manifest checked once at start-up, so the YAML parser and validators are compiled by the JIT before the user's first file. */
const WARM_UP_MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm-up\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n        - name: w\n          image: w:1\n          ports: [{containerPort: 80, name: http}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: warm-up}\nspec:\n  selector: {app: w}\n  ports: [{port: 80, targetPort: http}]\n';

function warmUp(workspace: Workspace): void {
  const engine = workspace.engine;
  engine.checkFile(engine.parse('kubesim:warm-up', WARM_UP_MANIFEST), workspace.options);
}

/** How long a burst of keystrokes may go on before its diagnostics are computed. */
const DIAGNOSTICS_DELAY_MS = 15;

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  convert: Converter;
  settings: ServerSettings;
}

export function startServer(args: string[]): ServerState {
  const connection = args.includes('--stdio') ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const log = (msg: string): void => connection.console.log(msg);
  let engine: Engine | undefined;
  let workspace: Workspace | undefined;
  // The schema bundle loads on first use, not at start-up.
  const ws = (): Workspace => {
    if (!workspace) {
      engine = new Engine(loadSchemaBundle(), (id, e) => connection.console.error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`), loadPrecompiledValidators());
      workspace = new Workspace(engine, checkOptions(state.settings));
    }
    return workspace;
  };
  const textOf = (uri: string): string | undefined => documents.get(uri)?.getText() ?? workspace?.getFile(uri)?.parsed.text;
  const state: ServerState = { connection, documents, get workspace() { return ws(); }, convert: new Converter(textOf), settings: DEFAULT_SERVER_SETTINGS };
  let configurationPull = false;
  const pending = new Map<string, NodeJS.Timeout>();
  const skipped = new Set<string>();

  const publish = (uri: string): void => {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const text = doc.getText();
    if (text.length > state.settings.maxFileSize) {
      if (!skipped.has(uri)) {
        skipped.add(uri);
        void connection.sendNotification('window/showMessage', { type: 3, message: `Kubesim skipped ${uri.split('/').pop()}: it is larger than kubesim.maxFileSize (${state.settings.maxFileSize} bytes).` });
      }
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    skipped.delete(uri);
    const w = ws();
    w.setFile(uri, text);
    // Cross-file results: other open files whose diagnostics this edit may change (a Service when its Deployment's labels move).
    for (const other of w.affectedBy(uri)) if (other !== uri) republish(other);
    const diagnostics = w.diagnostics(uri).map((d) => state.convert.diagnostic(d));
    // A newer edit may have arrived while we computed; its own run will publish.
    if (documents.get(uri)?.version !== doc.version) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };
  const republish = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc || pending.has(uri) || !workspace) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: workspace.diagnostics(uri).map((d) => state.convert.diagnostic(d)) });
  };
  const schedule = (uri: string, delay: number): void => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => safely(() => publish(uri)), delay));
  };
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      connection.console.error(`kubesim: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  const applySettings = (raw: unknown): void => {
    const { settings, warnings } = readSettings(raw);
    state.settings = settings;
    for (const w of warnings) void connection.sendNotification('window/showMessage', { type: 2, message: `Kubesim: ${w}` });
    workspace?.setOptions(checkOptions(settings));
    for (const doc of documents.all()) schedule(doc.uri, 0);
  };

  connection.onInitialize((params): InitializeResult => {
    configurationPull = !!params.capabilities.workspace?.configuration;
    const init = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (init !== undefined) state.settings = readSettings(init).settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-', '/'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'kubesim', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Load the schemas while the editor is still busy opening files, so the first document does not wait for them.
    setImmediate(() => safely(() => warmUp(ws())));
    if (!configurationPull) return;
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubesim' }).catch(() => undefined);
    void connection.workspace.getConfiguration('kubesim').then(applySettings, () => undefined);
  });

  connection.onDidChangeConfiguration((change) => {
    if (configurationPull) void connection.workspace.getConfiguration('kubesim').then(applySettings, () => undefined);
    else applySettings((change.settings as { kubesim?: unknown } | undefined)?.kubesim);
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, DIAGNOSTICS_DELAY_MS));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    const affected = workspace ? (workspace.removeFile(e.document.uri), workspace.affectedBy(e.document.uri)) : [];
    for (const other of affected) if (other !== e.document.uri) republish(other);
    state.convert.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const fileOf = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || doc.getText().length > state.settings.maxFileSize) return undefined;
    return ws().setFile(uri, doc.getText());
  };

  connection.onDocumentSymbol((p) => {
    const file = fileOf(p.textDocument.uri);
    if (!file) return [];
    const toLsp = (s: OutlineSymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: s.kind === 'resource' ? SymbolKind.Class : s.kind === 'object' ? SymbolKind.Object : s.kind === 'array' ? SymbolKind.Array : SymbolKind.Field,
      range: state.convert.range(file.uri, s.span),
      selectionRange: state.convert.range(file.uri, s.selectionSpan),
      children: s.children.map(toLsp),
    });
    return outline(file.parsed).map(toLsp);
  });

  connection.onFoldingRanges((p) => {
    const file = fileOf(p.textDocument.uri);
    if (!file) return [];
    const out: FoldingRange[] = [];
    for (const s of foldingSpans(file.parsed)) {
      const r = state.convert.range(file.uri, s);
      const endLine = r.end.character === 0 ? r.end.line - 1 : r.end.line;
      if (endLine > r.start.line) out.push(FoldingRange.create(r.start.line, endLine));
    }
    return out;
  });

  connection.onCodeAction((p) => quickFixes(p.context.diagnostics));

  registerCompletion(state, fileOf);
  registerHover(state, fileOf);
  registerSimulate(state);

  process.on('uncaughtException', (e) => connection.console.error(`kubesim: uncaught: ${e?.stack ?? String(e)}`));
  documents.listen(connection);
  connection.listen();
  log(`Kubesim language server started (node ${process.version}).`);
  return state;
}
