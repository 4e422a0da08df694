import type { JsonSchema, SchemaBundle } from '../../schema/bundle';
import { deref } from '../../schema/bundle';
import type { CompletionEntry } from '../completion';
import type { CompletionCursor } from '../cursor';
import { apiVersionsOf, preferredApiVersion, typesOf } from '../fieldSchema';
import { conceptOf } from '../../k8s/concepts';
import { yamlScalar } from './text';

/** Enum values, or true/false, for the scalar field at the cursor. */
export function scalarValues(cursor: CompletionCursor, s: JsonSchema, lead: string): CompletionEntry[] {
  const values: unknown[] = Array.isArray(s.enum) ? s.enum : typesOf(s).length === 1 && typesOf(s)[0] === 'boolean' ? [true, false] : [];
  return values.map((v, i) => {
    const text = yamlScalar(v);
    return { label: text, kind: 'value', insertText: lead + text, sortText: String(i).padStart(3, '0'), filterText: text, replace: cursor.replace };
  });
}

/** `apiVersion:` values that serve the document's kind (all of them when no kind is written). */
export function apiVersionValues(bundle: SchemaBundle, cursor: CompletionCursor, lead: string): CompletionEntry[] {
  const kind = cursor.identity.kind;
  let versions = kind ? apiVersionsOf(bundle, kind) : [];
  if (versions.length === 0) versions = [...new Set(Object.keys(bundle.kinds).map((k) => k.slice(0, k.lastIndexOf(':'))))];
  const preferred = kind ? preferredApiVersion(bundle, kind) : undefined;
  return versions.map((v) => ({
    label: v,
    kind: 'apiVersion',
    insertText: lead + v,
    detail: kind && apiVersionsOf(bundle, kind).includes(v) ? `serves ${kind}` : undefined,
    sortText: `${v === preferred ? 0 : /alpha|beta/.test(v) ? 2 : 1}_${v}`,
    filterText: v,
    replace: cursor.replace,
  }));
}

/**
 * `kind:` values served by the document's apiVersion, or every kind when it is
 * absent or unknown; when apiVersion is absent, choosing a kind also writes it.
 */
export function kindValues(bundle: SchemaBundle, cursor: CompletionCursor, lead: string, lineStart: number): CompletionEntry[] {
  const apiVersion = cursor.identity.apiVersion;
  const pairs = Object.keys(bundle.kinds).map((k) => ({ apiVersion: k.slice(0, k.lastIndexOf(':')), kind: k.slice(k.lastIndexOf(':') + 1) }));
  let fitting = apiVersion ? pairs.filter((p) => p.apiVersion === apiVersion) : [];
  const matched = fitting.length > 0;
  if (!matched) fitting = pairs;
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const p of fitting) {
    if (seen.has(p.kind)) continue;
    seen.add(p.kind);
    const fillVersion = !apiVersion ? preferredApiVersion(bundle, p.kind) : undefined;
    const concept = conceptOf(p.kind);
    out.push({
      label: p.kind,
      kind: 'kind',
      insertText: lead + p.kind,
      detail: matched ? apiVersion : fillVersion ?? apiVersionsOf(bundle, p.kind).join(', '),
      documentation: concept ? `${concept.summary}\n\n[Kubernetes docs](${concept.docs})` : undefined,
      sortText: `${concept ? 0 : 1}_${p.kind}`,
      filterText: p.kind,
      replace: cursor.replace,
      additionalEdits: fillVersion ? [{ span: { start: lineStart, end: lineStart }, newText: `apiVersion: ${fillVersion}\n` }] : undefined,
    });
  }
  return out;
}

/** Values for a list item with scalar items (accessModes, policyTypes…). */
export function itemValues(bundle: SchemaBundle, cursor: CompletionCursor, items: JsonSchema | undefined, lead: string): CompletionEntry[] {
  const s = deref(bundle, items);
  return s ? scalarValues(cursor, s, lead) : [];
}
