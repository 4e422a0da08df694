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
  type ClientCapabilities,
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
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { registerHover } from './hover';
import { Indexer, inSlices } from './indexer';
import { ProjectConfigFile } from './projectConfig';
import { registerReferences } from './references';
import { registerSimulate } from './simulate';
import { checkOptions, DEFAULT_SERVER_SETTINGS, excludeGlobs, readSettings, tooLarge, type ServerSettings } from './settings';
import { canonicalUri } from './uris';
import { onWatchedFileChanges, registerFileWatching, WORKSPACE_DEBUG_REQUEST, workspaceRoots } from './watching';
import { WorkspaceSync } from './workspaceSync';

/** A small manifest checked once at start-up, so the YAML parser and validators are compiled by the JIT before the user's first file. */
const WARM_UP_MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm-up\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n        - name: w\n          image: w:1\n          ports: [{containerPort: 80, name: http}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: warm-up}\nspec:\n  selector: {app: w}\n  ports: [{port: 80, targetPort: http}]\n';

/** How long the server waits for the editor's first documents before it warms up on its own manifest. */
const WARM_UP_WHEN_IDLE_MS = 50;

function warmUp(workspace: Workspace): void {
  const engine = workspace.engine;
  engine.checkFile(engine.parse('kubesim:warm-up', WARM_UP_MANIFEST), workspace.options);
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  convert: Converter;
  settings: ServerSettings;
  clientCapabilities?: ClientCapabilities;
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
      workspace = new Workspace(engine, options());
    }
    return workspace;
  };
  const textOf = (uri: string): string | undefined => documents.get(uri)?.getText() ?? workspace?.getFile(canonicalUri(uri))?.parsed.text;
  const state: ServerState = { connection, documents, get workspace() { return ws(); }, convert: new Converter(textOf, (uri) => documents.get(uri)), settings: DEFAULT_SERVER_SETTINGS };
  let configurationPull = false;
  let watchDynamically = false;
  let roots: string[] = [];

  const project = new ProjectConfigFile({ connection, convert: state.convert, roots: () => roots, changed: (excludeChanged) => optionsChanged(excludeChanged) });
  const options = () => checkOptions(state.settings, project.config);
  const sync = new WorkspaceSync({ connection, documents, workspace: ws, workspaceIfLoaded: () => workspace, convert: state.convert, settings: () => state.settings, special: project });
  const indexer = new Indexer({
    connection,
    sync,
    roots: () => roots,
    exclude: (root) => ({ base: root, globs: excludeGlobs(state.settings, project.config) }),
    maxFileSize: () => state.settings.maxFileSize,
    log,
  });
  let indexStarted = false;

  /** Settings or .kubesim.yaml changed: re-check everything that is published; re-walk the disk when the exclude globs moved. */
  const optionsChanged = (excludeChanged: boolean): void => {
    workspace?.setOptions(options());
    sync.refreshAll();
    if (indexStarted && excludeChanged) void indexer.start();
    else if (state.settings.diagnosticsScope === 'workspace') void inSlices([...sync.disk], (uri) => sync.republish([uri]));
  };

  const applySettings = (raw: unknown): void => {
    const { settings, warnings } = readSettings(raw);
    const before = state.settings;
    state.settings = settings;
    for (const w of warnings) void connection.sendNotification('window/showMessage', { type: 2, message: `Kubesim: ${w}` });
    // The first pull usually returns what the server already assumed: re-checking every file for it would be wasted.
    if (JSON.stringify(before) === JSON.stringify(settings)) return;
    if (before.diagnosticsScope === 'workspace' && settings.diagnosticsScope === 'openFiles') sync.clearUnopened();
    optionsChanged(JSON.stringify(before.exclude) !== JSON.stringify(settings.exclude) || before.maxFileSize !== settings.maxFileSize);
  };

  connection.onInitialize((params): InitializeResult => {
    configurationPull = !!params.capabilities.workspace?.configuration;
    watchDynamically = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    roots = workspaceRoots(params);
    state.clientCapabilities = params.capabilities;
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
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'kubesim', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Load the schemas while the editor is still busy opening files, so the first document does not wait for them.
    // Warming the parser and the rules on a small manifest pays only when the editor sends nothing soon: a document
    // that arrives does that itself, and must not wait for a manifest nobody opened.
    setImmediate(() => sync.safely(() => ws()));
    setTimeout(() => sync.safely(() => {
      if (documents.all().length === 0) warmUp(ws());
    }), WARM_UP_WHEN_IDLE_MS);
    if (watchDynamically) registerFileWatching(connection);
    const settingsPulled = configurationPull ? connection.workspace.getConfiguration('kubesim').then(applySettings, () => undefined) : Promise.resolve();
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubesim' }).catch(() => undefined);
    // The index waits for the settings (their exclude globs), then reads the disk in the background.
    void settingsPulled.then(() => {
      project.load(); // applies the file's options through optionsChanged
      indexStarted = true;
      if (roots.length) void indexer.start();
    });
  });

  connection.onDidChangeConfiguration((change) => {
    if (configurationPull) void connection.workspace.getConfiguration('kubesim').then(applySettings, () => undefined);
    else applySettings((change.settings as { kubesim?: unknown } | undefined)?.kubesim);
  });

  onWatchedFileChanges(connection, { sync, indexer, project, maxFileSize: () => state.settings.maxFileSize });

  documents.onDidOpen((e) => sync.opened(e.document.uri));
  documents.onDidChangeContent((e) => sync.changed(e.document.uri));
  documents.onDidClose((e) => sync.safely(() => sync.closed(e.document.uri)));

  const fileOf = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || tooLarge(doc.getText(), state.settings.maxFileSize) || project.owns(canonicalUri(uri))) return undefined;
    return ws().setFile(canonicalUri(uri), doc.getText());
  };

  connection.onRequest(WORKSPACE_DEBUG_REQUEST, () => ({ indexing: indexer.indexing, files: workspace?.uris() ?? [], ruleEvaluations: Object.fromEntries(workspace?.ruleEvaluations ?? []) }));

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
  registerDefinition(state, fileOf);
  registerReferences(state, fileOf);
  registerCodeLens(state, fileOf);
  registerSimulate(state);

  process.on('uncaughtException', (e) => connection.console.error(`kubesim: uncaught: ${e?.stack ?? String(e)}`));
  documents.listen(connection);
  connection.listen();
  log(`Kubesim language server started (node ${process.version}).`);
  return state;
}
