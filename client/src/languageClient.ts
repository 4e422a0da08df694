import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** At most this many restarts within RESTART_WINDOW_MS; then the server stays down and the user is told. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a crashed server, but not forever: a server that keeps crashing
 * on the same input would otherwise loop.
 */
export class RestartLimit implements ErrorHandler {
  private readonly crashes: number[] = [];

  constructor(private readonly log: vscode.LogOutputChannel, private readonly now: () => number = Date.now) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    this.crashes.push(t);
    while (this.crashes.length && t - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      const message = `The Kubesim language server stopped ${this.crashes.length} times in 3 minutes and will not be restarted. See the "Kubesim Language Server" output, then run "Developer: Reload Window".`;
      this.log.error(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.log.warn(`The Kubesim language server stopped; restarting it (${this.crashes.length} of ${MAX_RESTARTS}).`);
    return { action: CloseAction.Restart, handled: true };
  }
}

/**
 * The bundled language server (dist/server.js) over node IPC, for YAML
 * files. Settings under `kubesim` are synchronized; the server pulls them.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'kubesim' },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartLimit(log),
  };
  return new LanguageClient('kubesim', 'Kubesim', serverOptions, clientOptions);
}
