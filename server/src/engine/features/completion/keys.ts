import { deref, type JsonSchema, type SchemaBundle } from '../../schema/bundle';
import type { CompletionEntry } from '../completion';
import type { CompletionCursor } from '../cursor';
import { isArraySchema, isObjectSchema, serverPopulated, typeName, typesOf } from '../fieldSchema';
import { fieldDocumentation } from '../fieldDocs';
import { choiceText, escapeSnippet, yamlScalar } from './text';

/**
 * Keys that may be written in the mapping at the cursor. `listItem` is set when
 * the cursor sits under a list key without a `- ` yet: each key then starts a new item.
 */
export function keyCompletions(bundle: SchemaBundle, cursor: CompletionCursor, object: JsonSchema, listItem: boolean): CompletionEntry[] {
  const props = object.properties ?? {};
  const required = new Set(object.required ?? []);
  const out: CompletionEntry[] = [];
  const keyCol = cursor.column + (listItem ? 2 : 0);
  for (const [name, raw] of Object.entries(props)) {
    if (!listItem && cursor.siblings.has(name)) continue;
    const s = deref(bundle, raw) ?? raw;
    // status, uid, creationTimestamp…: the cluster writes them and ignores (or rejects) what a manifest says.
    if (serverPopulated(name, s)) continue;
    const isRequired = required.has(name);
    const dash = listItem ? '- ' : '';
    const insertText = cursor.keyHasColon ? escapeSnippet(name) : dash + keyInsert(bundle, name, s, keyCol);
    out.push({
      label: dash + name,
      kind: 'field',
      insertText,
      isSnippet: true,
      detail: `${typeName(bundle, raw)}${isRequired ? ' (required)' : ''}`,
      documentation: fieldDocumentation(bundle, name, raw, object),
      sortText: `${isRequired ? 0 : 1}_${name}`,
      filterText: dash + name,
      replace: cursor.replace,
    });
  }
  return out;
}

/** `key: ` for scalars, `key:\n  ` for objects, `key:\n  - ` for lists, with absolute indentation. */
export function keyInsert(bundle: SchemaBundle, name: string, s: JsonSchema, keyCol: number): string {
  const key = escapeSnippet(name);
  const pad = ' '.repeat(keyCol + 2);
  if (isArraySchema(s)) {
    const item = deref(bundle, s.items) ?? {};
    return `${key}:\n${pad}- ${itemStart(bundle, item)}`;
  }
  if (isObjectSchema(s) || typeof s.additionalProperties === 'object') return `${key}:\n${pad}$0`;
  return `${key}: ${valuePlaceholder(s)}`;
}

/** What follows a fresh `- `: the item's first required key, or a value choice. */
function itemStart(bundle: SchemaBundle, item: JsonSchema): string {
  if (isObjectSchema(item)) {
    const first = item.required?.find((r) => item.properties?.[r]);
    if (!first) return '$0';
    const fs = deref(bundle, item.properties?.[first]) ?? {};
    // A nested first key would need its own indentation; leave the item open instead.
    if (isObjectSchema(fs) || isArraySchema(fs)) return '$0';
    return `${escapeSnippet(first)}: ${valuePlaceholder(fs)}`;
  }
  return valuePlaceholder(item);
}

function valuePlaceholder(s: JsonSchema): string {
  if (Array.isArray(s.enum) && s.enum.length > 0) return `\${1|${s.enum.map((v) => choiceText(yamlScalar(v))).join(',')}|}`;
  if (typesOf(s).length === 1 && typesOf(s)[0] === 'boolean') return '${1|true,false|}';
  return '$0';
}

