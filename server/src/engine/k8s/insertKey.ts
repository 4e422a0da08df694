import type { TextEdit } from '../diagnostic';
import type { PathSegment } from '../yaml/ast';
import { isObject, valueAt } from './podSpecs';
import { spanAt, type Resource } from './resource';

/**
 * An edit that writes new lines as the first keys of the block mapping at
 * `path`, at that mapping's own indentation, so what follows keeps its place.
 * `lines(indent)` gives the text to insert, each line after the first
 * starting with `indent`. Undefined when there is no safe place: the mapping
 * is empty, is not a mapping, or is written in flow style (`{a: 1}`), or its
 * first key follows a `- ` on the same line.
 */
export function insertFirstKeys(res: Resource, path: readonly PathSegment[], lines: (indent: string) => string): TextEdit | undefined {
  const mapping = valueAt(res.value, path);
  if (!isObject(mapping)) return undefined;
  const first = Object.keys(mapping)[0];
  if (first === undefined) return undefined;
  const at = spanAt(res, [...path, first], 'key');
  const text = res.document.text;
  const local = at.start - res.document.start;
  const lineStart = text.lastIndexOf('\n', local - 1) + 1;
  const indent = text.slice(lineStart, local);
  if (!/^ *$/.test(indent)) return undefined;
  return { uri: res.uri, span: { start: at.start, end: at.start }, newText: `${lines(indent)}${indent}` };
}
