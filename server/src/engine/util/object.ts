import type { PathSegment } from '../yaml/ast';

/** A YAML mapping as parsed: a plain object, not null and not a list. The one such check of the engine and simulator. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` inside `root`, or undefined when the shape differs on the way. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(v) : !isObject(v)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
