import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { describeFsError } from './fsErrors';
import { CONFIG_FILE_NAME } from '../engine/config/kubesimConfig';
import { readText } from './readText';

/** Directories no one applies manifests from. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

/** YAML files, and a file named Kustomization, which kustomize also reads; never the project's .kubesim.yaml. */
const isManifestName = (name: string): boolean => (YAML_FILE.test(name) || name === 'Kustomization') && name !== CONFIG_FILE_NAME;

/** A file found by the walk, a path passed over and why, or a directory that could not be read. */
export type ScanEntry = { kind: 'file'; path: string } | { kind: 'error'; path: string; error: unknown };

/**
 * Glob patterns relative to `base`, gitignore-like: a pattern without a slash
 * matches a file or directory name at any depth (`*.generated.yaml`), one with
 * a slash matches from `base` (`charts/**`).
 */
export interface Exclude {
  base: string;
  globs: readonly string[];
}

export function excludeMatcher(exclude: Exclude | undefined): (absPath: string) => boolean {
  if (!exclude || exclude.globs.length === 0) return () => false;
  // picomatch's `basename` option also changes how patterns with a slash match (`drafts/**` would miss `drafts/x.yaml`), so the two kinds are matched apart.
  const byName = exclude.globs.filter((g) => !g.includes('/'));
  const byPath = exclude.globs.filter((g) => g.includes('/'));
  const name = byName.length ? picomatch(byName, { dot: true }) : () => false;
  const full = byPath.length ? picomatch(byPath, { dot: true }) : () => false;
  return (abs) => {
    const rel = path.relative(exclude.base, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    // A name pattern matches any segment, so an excluded directory excludes what is under it.
    return full(parts.join('/')) || parts.some((p) => name(p));
  };
}

/**
 * Every *.yaml / *.yml under `root`, depth first in lexical order within each
 * directory (the order `kubectl apply -f DIR --recursive` applies them).
 * Skips node_modules, .git, .kubesim.yaml (settings, not a manifest), excluded paths and a Helm chart's templates/
 * (Go templates, not manifests, until `helm template` renders them). Follows
 * symbolic links to directories once each, so a link loop ends. A generator,
 * so the language server can walk a large tree a slice at a time.
 */
export function* walkYaml(root: string, exclude?: Exclude): Generator<ScanEntry> {
  yield* walkDir(root, excludeMatcher(exclude), new Set());
}

function* walkDir(dir: string, excluded: (p: string) => boolean, seen: Set<string>): Generator<ScanEntry> {
  let entries: fs.Dirent[];
  try {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: dir, error };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isChart = entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = fs.statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name) && !(isChart && e.name === 'templates') && !excluded(p)) yield* walkDir(p, excluded, seen);
    } else if (isFile && isManifestName(e.name) && !excluded(p)) {
      yield { kind: 'file', path: p };
    }
  }
}

/**
 * Whether a single path (from a file watcher) is one `walkYaml(root)` would
 * yield: a YAML file under root, not excluded, not under a skipped directory.
 */
export function isIndexable(root: string, file: string, exclude?: Exclude): boolean {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  const name = parts[parts.length - 1];
  if (!isManifestName(name)) return false;
  if (parts.slice(0, -1).some((d) => SKIP_DIRS.has(d))) return false;
  const excluded = excludeMatcher(exclude);
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = path.join(dir, parts[i]);
    if (parts[i] === 'templates' && fs.existsSync(path.join(dir, 'Chart.yaml'))) return false;
    if (excluded(next)) return false;
    dir = next;
  }
  return !excluded(file);
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'binary' | 'unreadable'; message: string };

/**
 * A manifest's text from disk: without a byte-order mark, refusing files over
 * `maxFileSize` bytes (checked before reading) and binary files.
 */
export function readManifest(file: string, maxFileSize = Infinity): ReadResult {
  try {
    if (maxFileSize !== Infinity) {
      const size = fs.statSync(file).size;
      if (size > maxFileSize) return { ok: false, reason: 'too-large', message: `it is larger than the size limit (${size} > ${maxFileSize} bytes)` };
    }
    let text = readText(file);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\u0000')) return { ok: false, reason: 'binary', message: 'it is a binary file, not YAML' };
    return { ok: true, text };
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: describeFsError(e) };
  }
}
