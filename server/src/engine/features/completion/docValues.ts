import { valueAt, labelMap } from '../../k8s/podSpecs';
import type { PathSegment } from '../../yaml/ast';
import type { CompletionCursor } from '../cursor';
import { samePath, unquote } from '../yamlLines';

/**
 * Values written elsewhere in the document at the cursor, read line by line so that they
 * are found while the document is half typed (the sibling `name:` of a `key:` being typed);
 * when the document still parses, what the parser read (flow style included) comes first.
 */
export function docValue(cursor: CompletionCursor, path: readonly PathSegment[]): string | undefined {
  const parsed = valueAt(cursor.doc.parsed.value, path);
  if (typeof parsed === 'string' && parsed !== '') return parsed;
  for (const l of cursor.lines) {
    if (l.continuation) continue;
    const t = l.shape.tokens[l.shape.tokens.length - 1];
    if (t?.kind !== 'key' || !samePath(l.path, path)) continue;
    const v = unquote(t.value.trim());
    return v === '' ? undefined : v;
  }
  return undefined;
}

/** A `key: value` map written in block style at `path` (a Service selector). */
export function docMap(cursor: CompletionCursor, path: readonly PathSegment[]): Record<string, string> {
  const out: Record<string, string> = labelMap(valueAt(cursor.doc.parsed.value, path));
  for (const l of cursor.lines) {
    if (l.continuation || l.path.length !== path.length + 1 || !samePath(l.path.slice(0, -1), path)) continue;
    const t = l.shape.tokens[l.shape.tokens.length - 1];
    if (t?.kind !== 'key') continue;
    const v = unquote(t.value.trim());
    if (v !== '') out[t.key] = v;
  }
  return out;
}
