import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostic';
import { locatePath, nodeSpan, pairKeySpan, type PathSegment } from '../yaml/ast';
import { looksLikeManifest, type ParsedFile, type YamlDocument } from '../yaml/parse';

/** One Kubernetes object written in a file: a `---` document, or an item of a `kind: List`. */
export interface Resource {
  readonly uri: string;
  readonly document: YamlDocument;
  /** The object's mapping node (positions relative to document.start). */
  readonly node: YAMLMap;
  /** Path from the document root to the object: [] or ['items', i]. */
  readonly basePath: readonly PathSegment[];
  readonly value: Record<string, unknown>;
  readonly apiVersion: string;
  readonly kind: string;
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly name?: string;
  /** The namespace written in the manifest, if any. */
  readonly namespace?: string;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function makeResource(uri: string, document: YamlDocument, node: YAMLMap, basePath: PathSegment[], value: Record<string, unknown>): Resource {
  const apiVersion = value.apiVersion as string;
  const kind = value.kind as string;
  const meta = value.metadata as Record<string, unknown> | undefined;
  const name = meta && typeof meta.name === 'string' ? meta.name : undefined;
  const namespace = meta && typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  return { uri, document, node, basePath, value, apiVersion, kind, ...splitApiVersion(apiVersion), name, namespace };
}

/** The Kubernetes objects of a parsed file, with `kind: List` expanded. */
export function resourcesOf(file: ParsedFile): Resource[] {
  const out: Resource[] = [];
  for (const document of file.documents) {
    const value = document.parsed.value;
    const root = document.parsed.doc.contents;
    if (!looksLikeManifest(value) || !isMap(root)) continue;
    const items = (value as Record<string, unknown>).items;
    if (/List$/.test(value.kind) && Array.isArray(items)) {
      const seq = locatePath(root, ['items']).node;
      items.forEach((item, i) => {
        const itemNode = isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
        if (looksLikeManifest(item) && isMap(itemNode)) out.push(makeResource(file.uri, document, itemNode, ['items', i], item as Record<string, unknown>));
      });
      continue;
    }
    out.push(makeResource(file.uri, document, root, [], value as Record<string, unknown>));
  }
  return out;
}

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/**
 * The file span of the value (or key) at `path` inside the resource. When the
 * path does not exist, the span of the deepest key that does, so a diagnostic
 * about a missing field lands on its parent.
 */
export function spanAt(res: Resource, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  const loc = locatePath(res.node, path);
  const base = res.document.start;
  if (loc.depth === path.length) {
    if (part === 'key' && loc.pair) return shift(pairKeySpan(loc.pair) ?? { start: 0, end: 0 }, base);
    const s = nodeSpan(loc.node) ?? (loc.pair ? pairKeySpan(loc.pair) : undefined);
    if (s) return shift(s, base);
  }
  const fallback = (loc.deepestPair ? pairKeySpan(loc.deepestPair) : undefined) ?? relativeKindSpan(res);
  return shift(fallback, base);
}

function relativeKindSpan(res: Resource): Span {
  const loc = locatePath(res.node, ['kind']);
  return nodeSpan(loc.node) ?? nodeSpan(res.node) ?? { start: 0, end: 0 };
}

/** The file span of the `kind` value, where diagnostics about the whole object go. */
export function kindSpan(res: Resource): Span {
  return shift(relativeKindSpan(res), res.document.start);
}

export function resourceLabel(res: Resource): string {
  return `${res.kind.toLowerCase()}/${res.name ?? '<unnamed>'}`;
}
