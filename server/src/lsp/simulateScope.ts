import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectYamlFiles } from '../cli/files';
import { excludeMatcher } from '../node/scan';

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

/** Files read at once: enough to keep the thread pool busy, few enough that a cancellation is seen soon. */
const READ_BATCH = 32;

/**
 * The YAML files of the scope in the order `kubectl apply -f DIR --recursive`
 * reads them, with open documents' unsaved edits overlaid. A scope entry is a
 * file or a folder URI; entries that are not `file:` URIs are read only from
 * the open documents. Files are read a batch at a time, in parallel, and the
 * walk yields to the event loop between batches so that a `$/cancelRequest`
 * can be seen.
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
    const excluded = excludeMatcher({ base, globs: opts.exclude });
    const wanted: { abs: string; rel: string; uri: string }[] = [];
    for (const abs of collectYamlFiles([root])) {
      const rel = path.relative(base, abs).split(path.sep).join('/');
      if (excluded(abs)) continue;
      const fileUri = pathToFileURL(abs).href;
      if (seen.has(fileUri)) continue;
      seen.add(fileUri);
      wanted.push({ abs, rel, uri: fileUri });
    }
    for (let i = 0; i < wanted.length; i += READ_BATCH) {
      if (opts.cancelled()) throw new CancelledError();
      const batch = wanted.slice(i, i + READ_BATCH);
      const texts = await Promise.all(batch.map((f) => opts.openText(f.uri) ?? fs.promises.readFile(f.abs, 'utf8').catch(() => undefined)));
      // A batch of open documents only resolves microtasks: let a pending cancellation in.
      await new Promise((resolve) => setImmediate(resolve));
      for (let j = 0; j < batch.length; j++) {
        const { rel, abs, uri: fileUri } = batch[j];
        let text = texts[j];
        if (text === undefined) {
          skipped.push(rel);
          continue;
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.includes('\u0000') || text.length > opts.maxFileSize) {
          skipped.push(rel);
          continue;
        }
        files.push({ uri: fileUri, source: rel || path.basename(abs), text });
      }
    }
  }
  if (opts.cancelled()) throw new CancelledError();
  return { files, skipped };
}
