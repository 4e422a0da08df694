import type { CheckOptions, Engine } from './check';
import { DEFAULT_SETTINGS } from './check';
import type { Diagnostic } from './diagnostic';
import { resourcesOf, type Resource } from './k8s/resource';
import type { ParsedFile } from './yaml/parse';

export interface WorkspaceFile {
  readonly uri: string;
  readonly parsed: ParsedFile;
  readonly resources: readonly Resource[];
}

/**
 * Every manifest file Kubesim knows of (open editors and the files on disk),
 * parsed once per content. The doors feed it text; it never reads files.
 */
export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private readonly diagnosticsCache = new Map<string, { text: string; diagnostics: Diagnostic[] }>();

  constructor(readonly engine: Engine, public options: CheckOptions = DEFAULT_SETTINGS) {}

  setFile(uri: string, text: string): WorkspaceFile {
    const existing = this.files.get(uri);
    if (existing && existing.parsed.text === text) return existing;
    const parsed = this.engine.parse(uri, text);
    const file: WorkspaceFile = { uri, parsed, resources: resourcesOf(parsed) };
    this.files.set(uri, file);
    return file;
  }

  removeFile(uri: string): void {
    this.files.delete(uri);
    this.diagnosticsCache.delete(uri);
  }

  getFile(uri: string): WorkspaceFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  setOptions(options: CheckOptions): void {
    this.options = options;
    this.diagnosticsCache.clear();
  }

  /** Diagnostics of one file, computed once per content and options. */
  diagnostics(uri: string): Diagnostic[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const hit = this.diagnosticsCache.get(uri);
    if (hit && hit.text === file.parsed.text) return hit.diagnostics;
    const diagnostics = this.engine.checkFile(file.parsed, this.options);
    this.diagnosticsCache.set(uri, { text: file.parsed.text, diagnostics });
    return diagnostics;
  }
}
