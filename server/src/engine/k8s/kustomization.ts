import { isMap } from 'yaml';
import type { PathSegment } from '../yaml/ast';
import type { ParsedFile } from '../yaml/parse';
import { isObject } from '../util/object';
import type { Resource } from './resource';

/**
 * What a kustomization.yaml tells the workspace: which files and folders it
 * builds (`resources`, `bases`, `components`), which files are patches rather
 * than objects, the namespace it sets, and the ConfigMaps and Secrets its
 * generators make. Paths are resolved against the kustomization's folder, on
 * URIs, without touching the file system.
 */
export interface Kustomization {
  readonly uri: string;
  /** The kustomization document as a resource, for spans of related locations. */
  readonly res: Resource;
  /** Resolved URIs of `resources`/`bases`/`components` entries: files, or folders (no trailing slash). */
  readonly includes: readonly string[];
  /** Resolved URIs of files used as patches: partial objects, not objects of their own. */
  readonly patches: readonly string[];
  readonly namespace?: string;
  readonly generated: readonly GeneratedByKustomize[];
}

export interface GeneratedByKustomize {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  /** The generator's own `namespace`, which wins over the kustomization's. */
  namespace?: string;
  /** Keys, when all of them can be known without reading files (literals, files); undefined with env files. */
  keys?: string[];
  /** Path to the generator entry's name, for related locations. */
  path: PathSegment[];
}

/** kustomize accepts these three file names (konfig.RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The CLI names files by Windows paths on Windows; everything else uses `/`. */
const sepOf = (uri: string): string => (uri.includes('\\') && !uri.includes('/') ? '\\' : '/');

export const isKustomizationUri = (uri: string): boolean => KUSTOMIZATION_FILE_NAMES.includes(uri.slice(uri.lastIndexOf(sepOf(uri)) + 1));

export const folderOfUri = (uri: string): string => uri.slice(0, uri.lastIndexOf(sepOf(uri)));

/**
 * A relative path resolved against a folder URI, with `.` and `..` segments
 * removed. Remote targets (URLs, git repositories) and absolute paths give
 * undefined: they are outside the workspace.
 */
export function resolveUri(folder: string, rel: string): string | undefined {
  if (rel === '' || rel.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(rel) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(rel) || rel.includes('?ref=')) return undefined;
  const sep = sepOf(folder);
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(folder);
  const [root, path] = m ? [m[1], m[2]] : ['', folder];
  const parts = path.split(sep).filter((p, i) => p !== '' || i === 0);
  for (const seg of rel.split(/[\\/]/)) {
    if (seg === '' || seg === '.') continue;
    // Above a relative folder's start, `..` stays; at the root of an absolute one it has nowhere to go.
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') {
      if (parts.length > 1 || parts[0] !== '') parts.pop();
    } else parts.push(seg);
  }
  return root + parts.join(sep);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The key a `files:` entry gives: `key=path`, else the file's base name (kustomize's ParseFileSource). */
const fileKey = (entry: string): string => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry.slice(entry.lastIndexOf('/') + 1));

function generators(value: Record<string, unknown>): GeneratedByKustomize[] {
  const out: GeneratedByKustomize[] = [];
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
    const list = value[field];
    if (!Array.isArray(list)) continue;
    list.forEach((g, i) => {
      if (!isObject(g) || typeof g.name !== 'string' || g.name === '') return;
      const hasEnv = strings(g.envs).length > 0 || typeof g.env === 'string';
      const keys = [...strings(g.literals).map((l) => l.split('=')[0]), ...strings(g.files).map(fileKey)];
      out.push({ kind, name: g.name, ...(typeof g.namespace === 'string' && g.namespace ? { namespace: g.namespace } : {}), ...(hasEnv ? {} : { keys: [...new Set(keys)].sort() }), path: [field, i, 'name'] });
    });
  }
  return out;
}

/** The kustomization a file holds, or undefined when the file is not one (by name) or its first document is not a mapping. */
export function kustomizationOf(file: ParsedFile): Kustomization | undefined {
  if (!isKustomizationUri(file.uri)) return undefined;
  const document = file.documents.find((d) => isObject(d.parsed.value));
  const root = document?.parsed.doc.contents;
  if (!document || !isMap(root)) return undefined; // kustomizations are few and small: their AST costs nothing
  const value = document.parsed.value as Record<string, unknown>;
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : 'kustomize.config.k8s.io/v1beta1';
  const kind = typeof value.kind === 'string' ? value.kind : 'Kustomization';
  const res: Resource = { uri: file.uri, document, node: root, basePath: [], value, apiVersion, kind, group: 'kustomize.config.k8s.io', version: 'v1beta1' };
  const folder = folderOfUri(file.uri);
  const resolve = (list: string[]): string[] => list.map((p) => resolveUri(folder, p)).filter((u): u is string => u !== undefined);
  const patchPaths = [
    ...strings(value.patchesStrategicMerge),
    ...(Array.isArray(value.patchesJson6902) ? value.patchesJson6902 : []).flatMap((p) => (isObject(p) && typeof p.path === 'string' ? [p.path] : [])),
    ...(Array.isArray(value.patches) ? value.patches : []).flatMap((p) => (typeof p === 'string' ? [p] : isObject(p) && typeof p.path === 'string' ? [p.path] : [])),
  ];
  return {
    uri: file.uri,
    res,
    includes: resolve([...strings(value.resources), ...strings(value.bases), ...strings(value.components)]),
    patches: resolve(patchPaths),
    ...(typeof value.namespace === 'string' && value.namespace ? { namespace: value.namespace } : {}),
    generated: generators(value),
  };
}
