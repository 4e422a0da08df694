import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
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
  /** initializationOptions.settings. */
  initSettings?: Record<string, unknown>;
  /** A server bundle to run instead of the repository's dist/server.js (the one inside the VSIX, say). */
  serverScript?: string;
}

/** A guard against hangs only: a test waits for an event, never for a duration. */
const HANG_GUARD_MS = 60_000;

export class LspClient {
  readonly messages: ShowMessageParams[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  private exitCode: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
    private readonly log: { text: string },
    private readonly config: { value: Record<string, unknown> | undefined },
  ) {
    this.exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const launch = options.launch ?? 'server';
    const script = options.serverScript ?? fromRoot('dist', launch === 'server' ? 'server.js' : 'cli.js');
    if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` (npm test does)`);
    const args = launch === 'server' ? [script, '--stdio'] : [script, 'lsp', '--stdio'];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const pending: PublishDiagnosticsParams[] = [];
    const pendingMessages: ShowMessageParams[] = [];
    let client: LspClient | undefined;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (client) client.onPublish(p);
      else pending.push(p);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      if (client) client.onMessage(p);
      else pendingMessages.push(p);
    });
    const config = { value: options.configuration };
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'kubesim' ? (config.value ?? null) : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    const log = { text: '' };
    child.stderr!.on('data', (b: Buffer) => (log.text += b.toString()));
    connection.listen();
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
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
    for (const p of pending) client.onPublish(p);
    for (const m of pendingMessages) client.onMessage(m);
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
