import type { Span } from '../diagnostic';
import { conceptOf } from '../k8s/concepts';
import type { JsonSchema, SchemaBundle } from '../schema/bundle';
import { deref } from '../schema/bundle';
import type { ParsedFile } from '../yaml/parse';
import { keyCompletions } from './completion/keys';
import { workspaceCompletions, type WorkspaceLookup } from './completion/references';
import { valueLead } from './completion/text';
import { apiVersionValues, itemValues, kindValues, scalarValues } from './completion/values';
import { completionCursor, type CompletionCursor } from './cursor';
import { fieldAt, isArraySchema, isObjectSchema, rootSchema } from './fieldSchema';
import { expandSnippet, RESOURCE_SNIPPETS } from './snippets';

export interface CompletionEntry {
  label: string;
  kind: 'field' | 'value' | 'snippet' | 'kind' | 'apiVersion';
  /** Text to insert; a snippet (with ${1} tab stops) when isSnippet. Multi-line text carries its absolute indentation. */
  insertText: string;
  isSnippet?: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** The span the insertText replaces; at the cursor when absent. */
  replace?: Span;
  /** Other edits made with this one (e.g. the apiVersion a chosen kind needs). */
  additionalEdits?: { span: Span; newText: string }[];
}

/**
 * Completions at `offset`: keys, values, apiVersion/kind, or whole resources in an empty document.
 * With the workspace, fields that name other objects offer what the workspace defines.
 */
export function complete(file: ParsedFile, offset: number, bundle: SchemaBundle, workspace?: WorkspaceLookup): CompletionEntry[] {
  try {
    const cursor = completionCursor(file, offset);
    if (!cursor) return [];
    const fromWorkspace = workspace && workspaceCompletions(cursor, workspace);
    if (fromWorkspace) return fromWorkspace;
    return cursor.position === 'value' ? valueCompletions(bundle, cursor, offset) : keyPositionCompletions(bundle, cursor);
  } catch {
    // Completion is best effort: a surprise in half-typed text must not break the editor.
    return [];
  }
}

const TOP_KEYS: JsonSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', description: 'The API group and version of the object, e.g. `apps/v1` or `v1`.' },
    kind: { type: 'string', description: 'The type of the object, e.g. `Deployment`.' },
    metadata: { $ref: '#/definitions/meta.v1.ObjectMeta', description: 'Standard object metadata: name, namespace, labels, annotations.' },
  },
};

function keyPositionCompletions(bundle: SchemaBundle, cursor: CompletionCursor): CompletionEntry[] {
  const root = rootSchema(bundle, cursor.identity.apiVersion, cursor.identity.kind);
  const out: CompletionEntry[] = [];
  if (cursor.path.length === 0) {
    if (cursor.emptyDocument && cursor.column === 0) out.push(...resourceSnippets(cursor));
    out.push(...keyCompletions(bundle, cursor, root ? (deref(bundle, root.schema) ?? TOP_KEYS) : TOP_KEYS, false));
    return out;
  }
  if (!root) return out;
  const field = fieldAt(bundle, root.schema, cursor.path);
  if (!field) return out;
  const s = field.schema;
  if (isArraySchema(s) && !cursor.afterDash) {
    // Under a list key, before any `- `: each suggestion starts a new item.
    const item = deref(bundle, s.items);
    if (item && isObjectSchema(item)) return keyCompletions(bundle, cursor, item, true);
    return itemValues(bundle, cursor, s.items, '- ');
  }
  if (isObjectSchema(s) && s.properties) return keyCompletions(bundle, cursor, s, false);
  if (typeof cursor.path[cursor.path.length - 1] === 'number') return scalarValues(cursor, s, '');
  return out;
}

function valueCompletions(bundle: SchemaBundle, cursor: CompletionCursor, offset: number): CompletionEntry[] {
  const lead = valueLead(cursor);
  if (cursor.path.length === 1 && cursor.path[0] === 'apiVersion') return apiVersionValues(bundle, cursor, lead);
  if (cursor.path.length === 1 && cursor.path[0] === 'kind') return kindValues(bundle, cursor, lead, lineStartOf(cursor, offset));
  const root = rootSchema(bundle, cursor.identity.apiVersion, cursor.identity.kind);
  if (!root) return [];
  const field = fieldAt(bundle, root.schema, cursor.path);
  return field ? scalarValues(cursor, field.schema, lead) : [];
}

function lineStartOf(cursor: CompletionCursor, offset: number): number {
  const rel = offset - cursor.doc.start;
  return cursor.doc.start + cursor.doc.text.lastIndexOf('\n', rel - 1) + 1;
}

function resourceSnippets(cursor: CompletionCursor): CompletionEntry[] {
  return RESOURCE_SNIPPETS.map((s) => {
    const concept = conceptOf(s.kind);
    return {
      label: s.label,
      kind: 'snippet',
      insertText: s.body,
      isSnippet: true,
      detail: s.description,
      documentation: [concept?.summary, '```yaml\n' + expandSnippet(s.body) + '```'].filter(Boolean).join('\n\n'),
      sortText: `0_${s.kind}`,
      filterText: s.kind,
      replace: cursor.replace,
    };
  });
}
