import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * One spelling per file. Editors encode file URIs differently (VS Code
 * writes `a%2Bb` where Node writes `a+b`); the workspace keys files by this
 * form, so an open editor and the same file found on disk are one file.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** The local path of a file: URI; undefined for other schemes (untitled:, …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
