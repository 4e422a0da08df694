import { isMap, YAMLMap } from 'yaml';
import type { Span } from '../diagnostic';
import { locatePath, nodeSpan, pairKeySpan, type PathSegment } from '../yaml/ast';
import { looksLikeManifest, type ParsedFile, type YamlDocument } from '../yaml/parse';

/** One Kubernetes object written in a file: a `---` document, or an item of a `kind: List`. */
export interface Resource {
  readonly uri: string;
  readonly document: YamlDocument;
  /**
   * The object's mapping node (positions relative to document.start). Built on
   * first use for documents the fast reader read: touch it only to report or
   * navigate, never on the path every valid object takes.
   */
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

/** An object written in a document; its AST node is looked up only when something asks for a position. */
class WrittenResource implements Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly name?: string;
  readonly namespace?: string;
  private located?: YAMLMap;
  constructor(
    readonly uri: string,
    readonly document: YamlDocument,
    readonly basePath: readonly PathSegment[],
    readonly value: Record<string, unknown>,
  ) {
    this.apiVersion = value.apiVersion as string;
    this.kind = value.kind as string;
    const { group, version } = splitApiVersion(this.apiVersion);
    this.group = group;
    this.version = version;
    const meta = value.metadata as Record<string, unknown> | undefined;
    if (meta && typeof meta.name === 'string') this.name = meta.name;
    if (meta && typeof meta.namespace === 'string' && meta.namespace !== '') this.namespace = meta.namespace;
  }
  get node(): YAMLMap {
    if (!this.located) {
      const root = this.document.parsed.doc.contents;
      const node = this.basePath.length === 0 ? root : isMap(root) ? locatePath(root, this.basePath).node : undefined;
      // The value is a mapping, so its node is one; an empty map only guards against a parser disagreement.
      this.located = isMap(node) ? node : new YAMLMap();
    }
    return this.located;
  }
}

/** The Kubernetes objects of a parsed file, with `kind: List` expanded. */
export function resourcesOf(file: ParsedFile): Resource[] {
  const out: Resource[] = [];
  for (const document of file.documents) {
    const value = document.parsed.value;
    if (!looksLikeManifest(value)) continue;
    const items = (value as Record<string, unknown>).items;
    if (/List$/.test(value.kind) && Array.isArray(items)) {
      items.forEach((item, i) => {
        if (looksLikeManifest(item)) out.push(new WrittenResource(file.uri, document, ['items', i], item as Record<string, unknown>));
      });
      continue;
    }
    out.push(new WrittenResource(file.uri, document, [], value as Record<string, unknown>));
  }
  return out;
}

/** Offset of the object's first character in the document. */
export function objectStart(res: Resource): number | undefined {
  const known = res.basePath.length === 0 ? res.document.parsed.rootStart : undefined;
  return known ?? nodeSpan(res.node)?.start;
}

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/**
 * The file span of the value (or key) at `path` inside the resource. When the
 * path does not exist, the span of the deepest key that does, so a diagnostic
 * about a missing field lands on its parent.
 */
export function spanAt(res: Resource, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  // Most findings point at a scalar: its span comes from the fast reader's events, without the document's AST.
  const quick = res.document.parsed.scalarSpan?.(res.basePath.length ? [...res.basePath, ...path] : path, part);
  if (quick) return shift(quick, res.document.start);
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
