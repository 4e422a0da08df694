import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { collectYamlFiles } from '../cli/files';

/** One manifest file of a simulation scope: its URI, the name kubectl would print, and its text. */
export interface ScopeFile {
  uri: string;
  source: string;
  text: string;
}

export interface ScopeOptions {
  /** Globs matched against the path relative to each scope root (and against the bare file name). */
  exclude: readonly string[];
  maxFileSize: number;
  /** Unsaved text of open documents, which wins over what is on disk. */
  openText: (uri: string) => string | undefined;
  /** Checked between files; true stops the walk. */
  cancelled: () => boolean;
}

export class CancelledError extends Error {}

/**
 * The YAML files of the scope in the order `kubectl apply -f DIR --recursive`
 * reads them, with open documents' unsaved edits overlaid. A scope entry is a
 * file or a folder URI; entries that are not `file:` URIs are read only from
 * the open documents. Yields to the event loop between files so that a
 * `$/cancelRequest` can be seen.
 */
export async function readScope(uris: readonly string[], opts: ScopeOptions): Promise<{ files: ScopeFile[]; skipped: string[] }> {
  const files: ScopeFile[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const uri of uris) {
    if (!uri.startsWith('file:')) {
      const text = opts.openText(uri);
      if (text !== undefined && !seen.has(uri)) files.push({ uri, source: uri.split('/').pop() ?? uri, text }), seen.add(uri);
      continue;
    }
    const root = fileURLToPath(uri);
    const isDir = fs.statSync(root, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const base = isDir ? root : path.dirname(root);
    for (const abs of collectYamlFiles([root])) {
      if (opts.cancelled()) throw new CancelledError();
      const rel = path.relative(base, abs).split(path.sep).join('/');
      if (opts.exclude.some((g) => minimatch(rel, g, { dot: true }) || minimatch(path.basename(abs), g, { dot: true }))) continue;
      const fileUri = pathToFileURL(abs).href;
      if (seen.has(fileUri)) continue;
      seen.add(fileUri);
      let text = opts.openText(fileUri);
      if (text === undefined) {
        try {
          text = await fs.promises.readFile(abs, 'utf8');
        } catch {
          skipped.push(rel);
          continue;
        }
      } else await new Promise((resolve) => setImmediate(resolve));
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.includes('\u0000') || text.length > opts.maxFileSize) {
        skipped.push(rel);
        continue;
      }
      files.push({ uri: fileUri, source: rel || path.basename(abs), text });
    }
  }
  if (opts.cancelled()) throw new CancelledError();
  return { files, skipped };
}
