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
import { Converter, quickFixes } from './convert';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { checkOptions, DEFAULT_SERVER_SETTINGS, readSettings, type ServerSettings } from './settings';

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
      engine = new Engine(loadSchemaBundle(), (id, e) => connection.console.error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`));
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
    const diagnostics = w.diagnostics(uri).map((d) => state.convert.diagnostic(d));
    // A newer edit may have arrived while we computed; its own run will publish.
    if (documents.get(uri)?.version !== doc.version) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
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
    workspace?.removeFile(e.document.uri);
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

  process.on('uncaughtException', (e) => connection.console.error(`kubesim: uncaught: ${e?.stack ?? String(e)}`));
  documents.listen(connection);
  connection.listen();
  log(`Kubesim language server started (node ${process.version}).`);
  return state;
}
