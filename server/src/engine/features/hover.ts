import type { Span } from '../diagnostic';
import { conceptOf, PORT_CHAIN, PORT_DOCS } from '../k8s/concepts';
import { splitApiVersion } from '../k8s/resource';
import type { SchemaBundle } from '../schema/bundle';
import { deref, kindKey } from '../schema/bundle';
import type { PathSegment } from '../yaml/ast';
import type { ParsedFile } from '../yaml/parse';
import { documentAt, identityOf, type DocIdentity } from './cursor';
import { fieldDocumentation } from './fieldDocs';
import { fieldAt, rootSchema, typeName } from './fieldSchema';
import { readLines, unquote, type KeyToken } from './yamlLines';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  span: Span;
}

/**
 * Hover on a key: what the field is (from the schema). On the value of `kind`
 * or `apiVersion`: what the kind is for. Values themselves are never echoed,
 * so nothing from a Secret's data can leak into a hover.
 */
export function hover(file: ParsedFile, offset: number, bundle: SchemaBundle): HoverResult | undefined {
  try {
    return hoverAt(file, offset, bundle);
  } catch {
    return undefined;
  }
}

function hoverAt(file: ParsedFile, offset: number, bundle: SchemaBundle): HoverResult | undefined {
  const doc = documentAt(file, offset);
  if (!doc) return undefined;
  const rel = offset - doc.start;
  const lines = readLines(doc.text);
  let idx = lines.length - 1;
  while (idx > 0 && lines[idx].start > rel) idx--;
  const line = lines[idx];
  const column = rel - line.start;
  if (line.continuation || line.shape.blank) return undefined;
  const identity = identityOf(lines);
  const at = (from: number, to: number): Span => ({ start: doc.start + line.start + from, end: doc.start + line.start + to });
  const key = line.shape.tokens[line.shape.tokens.length - 1];

  if (key?.kind === 'key') {
    if (column >= key.col && column <= key.end) return fieldHover(bundle, identity, line.path, at(key.col, key.end));
    const valueEnd = key.valueCol + key.value.length;
    if (key.value !== '' && column >= key.valueCol && column <= valueEnd) {
      const span = at(key.valueCol, valueEnd);
      if (line.path.length === 1 && (key.key === 'kind' || key.key === 'apiVersion')) return kindHover(bundle, identity, key, span);
      return fieldHover(bundle, identity, line.path, span);
    }
    return undefined;
  }
  // A scalar list item (`- ReadWriteOnce`): describe the list's items.
  if (key?.kind === 'item' && column >= line.shape.restCol && line.shape.restCol < line.text.trimEnd().length) {
    return fieldHover(bundle, identity, line.path, at(line.shape.restCol, line.text.trimEnd().length));
  }
  return undefined;
}

function fieldHover(bundle: SchemaBundle, identity: DocIdentity, path: PathSegment[], span: Span): HoverResult | undefined {
  const root = rootSchema(bundle, identity.apiVersion, identity.kind);
  if (!root) return undefined;
  const field = fieldAt(bundle, root.schema, path);
  if (!field) return undefined;
  const last = path[path.length - 1];
  const name = typeof last === 'string' ? last : `${String(path[path.length - 2] ?? 'item')}[${last}]`;
  const parts = [fieldDocumentation(bundle, name, field.raw, field.parent, { isProperty: field.property })];
  if (!field.property && typeof last === 'string') {
    // A map entry (a label, a Secret key) has no description of its own: describe the map.
    const map = fieldAt(bundle, root.schema, path.slice(0, -1));
    const mapName = String(path[path.length - 2]);
    parts[0] = `**${name}** — an entry of \`${mapName}\` · \`${typeName(bundle, field.raw)}\``;
    if (identity.kind === 'Secret') parts[0] += ' · the value is not shown';
    if (map) parts.push(fieldDocumentation(bundle, mapName, map.raw, map.parent, { isProperty: map.property }));
  }
  if (isPortField(identity.kind, path)) parts.push(`${PORT_CHAIN} [Kubernetes docs: Services and ports](${PORT_DOCS})`);
  return { markdown: parts.join('\n\n---\n\n'), span };
}

const PORT_KEYS = new Set(['port', 'targetPort', 'nodePort', 'containerPort']);

/** A port of a Service (`spec.ports[i]`) or a container's `containerPort`. */
function isPortField(kind: string | undefined, path: PathSegment[]): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string' || !PORT_KEYS.has(last)) return false;
  if (last === 'containerPort') return path.length >= 3 && path[path.length - 3] === 'ports';
  return kind === 'Service' && path.length === 4 && path[0] === 'spec' && path[1] === 'ports';
}

function kindHover(bundle: SchemaBundle, identity: DocIdentity, token: KeyToken, span: Span): HoverResult | undefined {
  const kind = identity.kind;
  const apiVersion = identity.apiVersion;
  const parts: string[] = [];
  if (token.key === 'apiVersion' && apiVersion) {
    const { group, version } = splitApiVersion(unquote(token.value.trim()));
    parts.push(`**${apiVersion}** — API group ${group ? `\`${group}\`` : 'core (written without a group)'}, version \`${version}\`.`);
  }
  if (kind) {
    const concept = conceptOf(kind);
    const served = apiVersion ? bundle.kinds[kindKey(apiVersion, kind)] : undefined;
    const root = rootSchema(bundle, apiVersion, kind);
    if (concept) parts.push(concept.summary, `[Kubernetes docs: ${kind}](${concept.docs})`);
    else if (root) parts.push(`**${kind}** — ${deref(bundle, root.schema)?.description ?? ''}`);
    if (apiVersion && !served && root) parts.push(`\`${apiVersion}\` does not serve ${kind} in Kubernetes ${bundle.k8sVersion}.`);
  }
  return parts.length ? { markdown: parts.join('\n\n'), span } : undefined;
}
