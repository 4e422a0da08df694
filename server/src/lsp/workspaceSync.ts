import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { Workspace } from '../engine/workspace';
import { readManifest } from '../node/scan';
import type { Converter } from './convert';
import { tooLarge, type ServerSettings } from './settings';
import { canonicalUri, uriToPath } from './uris';

/** How long a burst of keystrokes may go on before its diagnostics are computed. */
const DIAGNOSTICS_DELAY_MS = 15;

export interface SyncHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace(): Workspace;
  /** The workspace if it exists yet (it is created on first use). */
  workspaceIfLoaded(): Workspace | undefined;
  convert: Converter;
  settings(): ServerSettings;
  /** Files the sync must leave alone (the project's .kubesim.yaml); `edited` gives them their editor text. */
  special?: { owns(uri: string): boolean; edited(uri: string, text: string | undefined): void };
}

/**
 * Keeps the engine's Workspace equal to what the user sees: an open editor's
 * text wins over the file on disk; closing an editor falls back to the disk
 * text. Decides which files get diagnostics (open files always; every indexed
 * file when kubesim.diagnostics.scope is "workspace") and publishes them,
 * re-sending a file only when an edit elsewhere changed its results.
 */
export class WorkspaceSync {
  /** Canonical URI → the editor's URI, for open documents. */
  private readonly open = new Map<string, string>();
  /** Files found on disk by the index or the file watcher (canonical URIs). */
  readonly disk = new Set<string>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly skipped = new Set<string>();
  private readonly lastSent = new Map<string, string>();

  constructor(private readonly host: SyncHost) {}

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  // --- editor events ----------------------------------------------------

  opened(editorUri: string): void {
    const uri = canonicalUri(editorUri);
    this.open.set(uri, editorUri);
    this.schedule(uri, 0);
  }

  changed(editorUri: string): void {
    this.schedule(canonicalUri(editorUri), DIAGNOSTICS_DELAY_MS);
  }

  closed(editorUri: string): void {
    const uri = canonicalUri(editorUri);
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.open.delete(uri);
    this.lastSent.delete(uri);
    this.host.convert.forget(uri);
    if (this.host.special?.owns(uri)) {
      this.host.special.edited(uri, undefined);
      return;
    }
    const path = this.disk.has(uri) ? uriToPath(uri) : undefined;
    const read = path ? readManifest(path, this.host.settings().maxFileSize) : undefined;
    if (read?.ok) {
      this.republish(this.setDisk(uri, read.text).filter((u) => u !== uri));
      if (this.host.settings().diagnosticsScope === 'workspace') {
        this.sendCurrent(uri, editorUri);
        return;
      }
    } else {
      this.disk.delete(uri);
      this.republish(this.remove(uri).filter((u) => u !== uri));
    }
    void this.host.connection.sendDiagnostics({ uri: editorUri, diagnostics: [] });
  }

  // --- disk events (index, file watcher) --------------------------------

  /** A manifest's text on disk; ignored while an editor has the file open. Returns the files whose results may change. */
  setDisk(uri: string, text: string): string[] {
    this.disk.add(uri);
    if (this.open.has(uri)) return [];
    const ws = this.host.workspace();
    ws.setFile(uri, text);
    return ws.affectedBy(uri);
  }

  /** A file that left the disk (or the index); an open editor keeps its text. */
  removeDisk(uri: string): string[] {
    this.disk.delete(uri);
    if (this.open.has(uri)) return [];
    const affected = this.remove(uri);
    if (this.lastSent.delete(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
    return affected;
  }

  private remove(uri: string): string[] {
    const ws = this.host.workspaceIfLoaded();
    if (!ws?.getFile(uri)) return [];
    ws.removeFile(uri);
    return ws.affectedBy(uri);
  }

  // --- publishing ---------------------------------------------------------

  /** Whether `uri` gets diagnostics under the current scope. */
  publishes(uri: string): boolean {
    return this.open.has(uri) || (this.host.settings().diagnosticsScope === 'workspace' && this.disk.has(uri));
  }

  /** Re-sends the diagnostics of these files if they changed (files with an edit pending publish on their own). */
  republish(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.pending.has(uri) || !this.publishes(uri)) continue;
      this.sendCurrent(uri, this.open.get(uri) ?? uri);
    }
  }

  /** After a change of options: every open file now, the rest of the workspace's files through `republish`. */
  refreshAll(): void {
    for (const uri of this.open.keys()) this.schedule(uri, 0);
    this.lastSent.clear();
  }

  /** Withdraws the diagnostics of files not open (the scope went back to open files). */
  clearUnopened(): void {
    for (const uri of [...this.lastSent.keys()]) {
      if (this.open.has(uri)) continue;
      this.lastSent.delete(uri);
      void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  private sendCurrent(uri: string, target: string): void {
    const ws = this.host.workspaceIfLoaded();
    if (!ws?.getFile(uri)) return;
    const diagnostics = ws.diagnostics(uri).map((d) => this.host.convert.diagnostic(d));
    const key = JSON.stringify(diagnostics);
    if (this.lastSent.get(uri) === key) return;
    this.lastSent.set(uri, key);
    const version = this.open.has(uri) ? this.host.documents.get(target)?.version : undefined;
    void this.host.connection.sendDiagnostics({ uri: target, ...(version !== undefined ? { version } : {}), diagnostics });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(uri, setTimeout(() => this.safely(() => this.publish(uri)), delay));
  }

  /** An open document's diagnostics for its current version, and the cross-file results its edit changed elsewhere. */
  private publish(uri: string): void {
    this.pending.delete(uri);
    const editorUri = this.open.get(uri);
    const doc = editorUri ? this.host.documents.get(editorUri) : undefined;
    if (!editorUri || !doc) return;
    const text = doc.getText();
    if (this.host.special?.owns(uri)) {
      this.host.special.edited(uri, text);
      return;
    }
    const maxFileSize = this.host.settings().maxFileSize;
    if (tooLarge(text, maxFileSize)) {
      if (!this.skipped.has(uri)) {
        this.skipped.add(uri);
        void this.host.connection.sendNotification('window/showMessage', { type: 3, message: `Kubesim skipped ${uri.split('/').pop()}: it is larger than kubesim.maxFileSize (${maxFileSize} bytes).` });
      }
      void this.host.connection.sendDiagnostics({ uri: editorUri, version: doc.version, diagnostics: [] });
      return;
    }
    this.skipped.delete(uri);
    const ws = this.host.workspace();
    ws.setFile(uri, text);
    this.republish(ws.affectedBy(uri).filter((u) => u !== uri));
    const diagnostics: LspDiagnostic[] = ws.diagnostics(uri).map((d) => this.host.convert.diagnostic(d));
    // A newer edit may have arrived while we computed; its own run will publish.
    if (this.host.documents.get(editorUri)?.version !== doc.version) return;
    this.lastSent.set(uri, JSON.stringify(diagnostics));
    void this.host.connection.sendDiagnostics({ uri: editorUri, version: doc.version, diagnostics });
  }

  safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.host.connection.console.error(`kubesim: ${(e as Error)?.stack ?? String(e)}`);
    }
  }
}
