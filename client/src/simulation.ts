import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { simulationDiagnostics } from './model/diagnostics';
import { SIMULATE_METHOD, type SimulateParams, type SimulationResult } from './protocol';
import { simulationSettings } from './settings';

/** What a simulation covered: the URIs of its files and folders, and a name for messages. */
export interface Scope {
  uris: string[];
  name: string;
}

/**
 * Runs `kubesim/simulate` in the language server with progress and
 * cancellation, keeps the last result, publishes the simulation diagnostics
 * and writes the kubectl-like report to its output channel. A run `from` an
 * earlier version is a re-apply: its result is the cluster after it.
 */
export class Simulation implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SimulationResult | undefined>();
  readonly onDidChange = this.changed.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('kubesim-simulate');
  result: SimulationResult | undefined;
  scope: Scope | undefined;
  private running: vscode.CancellationTokenSource | undefined;

  constructor(private readonly client: LanguageClient, private readonly applyChannel: vscode.OutputChannel, private readonly log: vscode.LogOutputChannel) {}

  /** The scope of a command argument: a file or folder URI, else the workspace folders, else the active YAML file. */
  scopeOf(uri?: vscode.Uri): Scope | undefined {
    if (uri) return { uris: [uri.toString()], name: vscode.workspace.asRelativePath(uri) };
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length) return { uris: folders.map((f) => f.uri.toString()), name: folders.length === 1 ? folders[0].name : 'the workspace' };
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'yaml') return { uris: [doc.uri.toString()], name: vscode.workspace.asRelativePath(doc.uri) };
    return undefined;
  }

  /** Simulates `scope` and makes it the current result. A newer run cancels an older one. */
  async run(scope: Scope, opts: { silent?: boolean; from?: SimulateParams['from']; title?: string } = {}): Promise<SimulationResult | undefined> {
    this.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    const task = async (progress: vscode.Progress<{ message?: string }> | undefined, token: vscode.CancellationToken | undefined): Promise<SimulationResult | undefined> => {
      token?.onCancellationRequested(() => source.cancel());
      progress?.report({ message: scope.name });
      try {
        const result = await this.request({ uris: scope.uris, ...(opts.from ? { from: opts.from } : {}) }, source.token);
        this.result = result;
        this.scope = scope;
        this.publish(result);
        return result;
      } catch (e) {
        if (source.token.isCancellationRequested) return undefined;
        const message = (e as Error)?.message ?? String(e);
        this.log.error(`Simulation of ${scope.name} failed: ${message}`);
        if (!opts.silent) void vscode.window.showErrorMessage(`Kubesim could not simulate ${scope.name}: ${message}`);
        return undefined;
      } finally {
        if (this.running === source) this.running = undefined;
        source.dispose();
      }
    };
    if (opts.silent) return task(undefined, undefined);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: opts.title ?? 'Kubesim: simulating kubectl apply', cancellable: true }, task);
  }

  /** One request with the current settings; `sources` replaces reading the scope from disk. */
  async request(params: Pick<SimulateParams, 'uris' | 'sources' | 'from'>, token?: vscode.CancellationToken): Promise<SimulationResult> {
    await this.client.start();
    return this.client.sendRequest<SimulationResult>(SIMULATE_METHOD, { ...simulationSettings(), ...params }, token);
  }

  private publish(result: SimulationResult): void {
    this.diagnostics.clear();
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const d of simulationDiagnostics(result)) {
      const r = d.range;
      const diag = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, vscode.DiagnosticSeverity.Warning);
      diag.source = 'kubesim-simulate';
      byUri.set(d.uri, [...(byUri.get(d.uri) ?? []), diag]);
    }
    for (const [uri, list] of byUri) this.diagnostics.set(vscode.Uri.parse(uri), list);
    this.applyChannel.replace(`$ kubectl apply -f ${this.scope?.name ?? '.'} --recursive   # simulated by Kubesim\n\n${result.text}`);
    this.log.info(`Simulated ${result.files.length} files: ${result.apply.length} objects, ${result.events.filter((e) => e.type === 'Warning').length} warnings.`);
    this.changed.fire(result);
  }

  dispose(): void {
    this.running?.cancel();
    this.changed.dispose();
    this.diagnostics.dispose();
  }
}
