import type { Connection } from 'vscode-languageserver/node';
import { isIndexable, readManifest, walkYaml, type Exclude } from '../node/scan';
import type { WorkspaceSync } from './workspaceSync';
import { pathToUri } from './uris';

/** Work done per turn of the event loop before editor requests get their turn. */
const SLICE_MS = 12;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `fn` over `items` in slices of SLICE_MS, yielding to the event loop between slices; stops early when `cancelled` says so. */
export async function inSlices<T>(items: Iterable<T>, fn: (item: T) => void, cancelled: () => boolean = () => false, onSlice?: () => void): Promise<boolean> {
  let start = performance.now();
  for (const item of items) {
    if (cancelled()) return false;
    fn(item);
    if (performance.now() - start >= SLICE_MS) {
      onSlice?.();
      await nextTurn();
      start = performance.now();
    }
  }
  onSlice?.();
  return !cancelled();
}

export interface IndexerHost {
  connection: Connection;
  sync: WorkspaceSync;
  /** Workspace folder paths. */
  roots(): string[];
  exclude(root: string): Exclude;
  maxFileSize(): number;
  log(message: string): void;
}

/**
 * Builds the workspace index from the manifests on disk, in the background:
 * the walk and the parsing run in slices, so an opened file gets its
 * diagnostics at once while the rest is still being read. Reports LSP
 * work-done progress ("Indexing Kubernetes manifests n/N") and, when done,
 * re-sends the open files whose cross-file results the index changed.
 */
export class Indexer {
  private generation = 0;
  private running: Promise<void> | undefined;
  /** Resolves when the latest run has finished (tests and the benchmark wait through progress instead). */
  get idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
  get indexing(): boolean {
    return this.running !== undefined;
  }

  constructor(private readonly host: IndexerHost) {}

  /** Starts a full index (again): a newer run cancels an older one. */
  start(): Promise<void> {
    const generation = ++this.generation;
    const run = this.run(generation).catch((e: unknown) => this.host.log(`kubesim: indexing failed: ${(e as Error)?.stack ?? String(e)}`));
    const tracked = run.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    this.running = tracked;
    return tracked;
  }

  /** Whether a path found by the file watcher belongs in the index. */
  accepts(path: string): boolean {
    return this.host.roots().some((root) => isIndexable(root, path, this.host.exclude(root)));
  }

  private async run(generation: number): Promise<void> {
    const cancelled = (): boolean => generation !== this.generation;
    const { sync, connection } = this.host;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing Kubernetes manifests', 0, 'looking for files', false);
    try {
      const found: string[] = [];
      for (const root of this.host.roots()) {
        const walked = await inSlices(walkYaml(root, this.host.exclude(root)), (entry) => {
          if (entry.kind === 'file') found.push(entry.path);
          else this.host.log(`kubesim: cannot read ${entry.path}: ${(entry.error as Error)?.message ?? String(entry.error)}`);
        }, cancelled);
        if (!walked) return;
      }
      const total = found.length;
      const seen = new Set<string>();
      const affected = new Set<string>();
      let done = 0;
      const maxFileSize = this.host.maxFileSize();
      const report = (): void => progress.report(total ? Math.floor((done / total) * 100) : 100, `${done}/${total}`);
      const read = await inSlices(found, (path) => {
        done++;
        const uri = pathToUri(path);
        const r = readManifest(path, maxFileSize);
        if (!r.ok) {
          this.host.log(`kubesim: not indexing ${path}: ${r.message}`);
          return;
        }
        seen.add(uri);
        for (const a of sync.setDisk(uri, r.text)) affected.add(a);
      }, cancelled, report);
      if (!read) return;
      // A re-index (new exclude globs) drops what is no longer part of the workspace.
      for (const uri of [...sync.disk]) if (!seen.has(uri)) for (const a of sync.removeDisk(uri)) affected.add(a);
      // Every indexed file too: a cancelled earlier run may have read some of them already, so they look unchanged now.
      for (const uri of seen) affected.add(uri);
      await inSlices(affected, (uri) => sync.republish([uri]), cancelled);
      this.host.log(`Kubesim indexed ${seen.size} manifest file(s).`);
    } finally {
      progress.done();
    }
  }
}
