import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import {
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  LogMessageNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type CodeLens,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type Location,
  type LocationLink,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { fromRoot } from '../helpers/paths';

/**
 * A minimal LSP client for tests: it spawns the BUILT language server (as the
 * editor does), speaks JSON-RPC over stdio, and records what the server
 * pushes (diagnostics, messages) so tests can wait for them.
 */
export type Launch = 'server' | 'cli';

export interface StartOptions {
  launch?: Launch;
  /** Answer to workspace/configuration pulls (section kubesim); when absent the client does not offer pulls. */
  configuration?: Record<string, unknown>;
  /** The first configuration pull is answered only once this resolves (an editor still busy when the server starts). */
  firstPullAfter?: Promise<void>;
  /** initializationOptions.settings. */
  initSettings?: Record<string, unknown>;
  /** The workspace folder (a file: URI) the server indexes; none when absent. */
  rootUri?: string;
  /** Offer window.workDoneProgress and workspace.didChangeWatchedFiles dynamic registration, as VS Code does. */
  editorCapabilities?: boolean;
  /** Offer workspace/codeLens/refresh (the client counts the requests). */
  codeLensRefresh?: boolean;
  /** Extra node options before the script (e.g. `--require hook.js`). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** A server bundle to run instead of the repository's dist/server.js (the one inside the VSIX, say). */
  serverScript?: string;
}

/** What the server sent, in arrival order, so tests can assert what came before what. */
export type ServerEvent = { type: 'publish'; uri: string; version?: number } | { type: 'progress'; kind: string; message?: string };

/** A guard against hangs only: a test waits for an event, never for a duration. */
const HANG_GUARD_MS = 60_000;

export class LspClient {
  readonly messages: ShowMessageParams[] = [];
  readonly events: ServerEvent[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** How many workspace/codeLens/refresh requests the server sent. */
  lensRefreshes = 0;
  /** What the server wrote to its log (window/logMessage), in order. */
  readonly logs: LogMessageParams[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  private exitCode: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
    private readonly log: { text: string },
    private readonly config: { value: Record<string, unknown> | undefined; pulls: number },
  ) {
    this.exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const launch = options.launch ?? 'server';
    const script = options.serverScript ?? fromRoot('dist', launch === 'server' ? 'server.js' : 'cli.js');
    if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` (npm test does)`);
    const args = launch === 'server' ? [script, '--stdio'] : [script, 'lsp', '--stdio'];
    const child = spawn(process.execPath, [...(options.execArgv ?? []), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const pending: PublishDiagnosticsParams[] = [];
    const pendingMessages: ShowMessageParams[] = [];
    const pendingLogs: LogMessageParams[] = [];
    let client: LspClient | undefined;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      sink().events.push({ type: 'publish', uri: p.uri, version: p.version });
      if (client) client.onPublish(p);
      else pending.push(p);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      if (client) client.onMessage(p);
      else pendingMessages.push(p);
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      (client ? client.logs : pendingLogs).push(p);
    });
    const config = { value: options.configuration, pulls: 0 };
    connection.onRequest(ConfigurationRequest.type, async (p) => {
      if (config.pulls === 0 && options.firstPullAfter) await options.firstPullAfter;
      config.pulls++;
      client?.wake();
      return p.items.map((i) => (i.section === 'kubesim' ? (config.value ?? null) : null));
    });
    const early: { events: ServerEvent[]; registrations: { method: string; registerOptions?: unknown }[] } = { events: [], registrations: [] };
    const sink = (): typeof early => client ?? early;
    connection.onRequest(RegistrationRequest.type, (p) => {
      sink().registrations.push(...p.registrations);
      client?.wake();
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification('$/progress', (p: { token: unknown; value: unknown }) => {
      const v = p.value as { kind?: string; message?: string; title?: string };
      sink().events.push({ type: 'progress', kind: String(v.kind), message: v.message ?? v.title });
      client?.wake();
    });
    let earlyRefreshes = 0;
    connection.onRequest(CodeLensRefreshRequest.type, () => {
      if (client) {
        client.lensRefreshes++;
        client.wake();
      } else earlyRefreshes++;
    });
    const log = { text: '' };
    child.stderr!.on('data', (b: Buffer) => (log.text += b.toString()));
    connection.listen();
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: !!options.codeLensRefresh }, ...(options.editorCapabilities ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}) },
        ...(options.editorCapabilities ? { window: { workDoneProgress: true } } : {}),
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: options.initSettings ? { settings: options.initSettings } : undefined,
    });
    client = new LspClient(child, connection, initializeResult, log, config);
    client.events.push(...early.events);
    client.registrations.push(...early.registrations);
    client.lensRefreshes = earlyRefreshes;
    for (const p of pending) client.onPublish(p);
    for (const m of pendingMessages) client.onMessage(m);
    client.logs.push(...pendingLogs);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** What the server wrote to stderr so far. */
  get stderr(): string {
    return this.log.text;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    this.wake();
  }

  private onMessage(m: ShowMessageParams): void {
    this.messages.push(m);
    this.wake();
  }

  /** Resolves once the server has ended `n` work-done progress runs (n = 1: the first index). */
  progressEnded(n = 1): Promise<void> {
    return this.until(`progress end #${n}`, () => (this.events.filter((e) => e.type === 'progress' && e.kind === 'end').length >= n ? true : undefined)).then(() => undefined);
  }

  registered(method: string): Promise<{ method: string; registerOptions?: unknown }> {
    return this.until(`a registration of ${method}`, () => this.registrations.find((r) => r.method === method));
  }

  /** Tells the server files changed on disk (1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The latest publish for `uri` (with any version) satisfying `match`, waiting for it. */
  publishMatching(uri: string, match: (p: PublishDiagnosticsParams) => boolean, after = 0): Promise<PublishDiagnosticsParams> {
    return this.until(`a matching publish for ${uri}`, () => this.publishesFor(uri).slice(after).find(match));
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves once the server has asked for more than `count` lens refreshes. */
  lensRefresh(count: number): Promise<number> {
    return this.until(`lens refresh #${count + 1}`, () => (this.lensRefreshes > count ? this.lensRefreshes : undefined));
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `pick` finds something in what the server sent so far. */
  private async until<T>(what: string, pick: () => T | undefined): Promise<T> {
    for (;;) {
      const hit = pick();
      if (hit !== undefined) return hit;
      let guard: NodeJS.Timeout | undefined;
      const woke = await Promise.race([
        new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true))),
        new Promise<boolean>((resolve) => (guard = setTimeout(() => resolve(false), HANG_GUARD_MS))),
      ]);
      clearTimeout(guard);
      if (!woke) throw new Error(`the server never sent ${what}; stderr:\n${this.stderr}`);
    }
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces the whole text (a change event without a range). */
  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental edit: `text` replaces `range`. */
  edit(uri: string, range: Range, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** What later workspace/configuration pulls answer (send changeConfiguration to make the server pull). */
  setConfiguration(value: Record<string, unknown>): void {
    this.config.value = value;
  }

  /** Resolves once the server has pulled the configuration `n` times (the answers are sent as the pulls arrive). */
  configurationPulled(n: number): Promise<number> {
    return this.until(`configuration pull #${n}`, () => (this.config.pulls >= n ? this.config.pulls : undefined));
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** The diagnostics the server published for this version of the document. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri} v${version}`, () => this.published.find((p) => p.uri === uri && p.version === version)?.diagnostics);
  }

  /** The first publish for `uri` after `count` earlier ones (for publishes without a version, e.g. on close). */
  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  nextPublish(uri: string, after: number): Promise<PublishDiagnosticsParams> {
    return this.until(`publish #${after + 1} for ${uri}`, () => this.publishesFor(uri)[after]);
  }

  message(match: RegExp): Promise<ShowMessageParams> {
    return this.until(`a message matching ${match}`, () => this.messages.find((m) => match.test(m.message)));
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const r = (await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[] | SymbolInformation[] | null;
    return (r ?? []) as DocumentSymbol[];
  }

  async foldingRanges(uri: string): Promise<FoldingRange[]> {
    return (await this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const r = (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) as (CodeAction | Command)[] | null;
    return (r ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    const r = (await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location | Location[] | LocationLink[] | null;
    return r === null ? [] : ((Array.isArray(r) ? r : [r]) as Location[]);
  }

  async references(uri: string, position: Position, includeDeclaration = false): Promise<Location[]> {
    return (await this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } })) ?? [];
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  /** For after-hooks: ends the server whatever state it is in. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** The text a range of `text` covers (LSP positions are UTF-16 line/character). */
export function textAt(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: Position): number => starts[p.line] + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** The position of the first `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const o = at + delta;
  const before = text.slice(0, o);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: o - lastBreak - 1 };
}
