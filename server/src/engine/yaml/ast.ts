import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostic';

/** A step into YAML: a mapping key or a sequence index. */
export type PathSegment = string | number;

export function scalarKey(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  return undefined;
}

/** The pair of `map` whose key is `key`; the last one wins, as in the decoded value. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && scalarKey(item) === key) found = item;
  return found;
}

export interface Located {
  /** The value node at the path, if it exists. */
  node?: Node;
  /** The pair holding the last key of the path, when the last step is a key. */
  pair?: Pair;
  /** How many segments were found. */
  depth: number;
  /** The deepest node that exists on the path (the root when nothing matched). */
  deepest: Node;
  /** The pair leading to `deepest`, if any. */
  deepestPair?: Pair;
}

export function locatePath(root: Node, path: readonly PathSegment[]): Located {
  let node: Node | undefined = root;
  let pair: Pair | undefined;
  let deepestPair: Pair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isAlias(node)) break;
    if (typeof seg === 'number' && isSeq(node)) {
      const next: unknown = node.items[seg];
      if (next === undefined) break;
      pair = undefined;
      node = next as Node;
    } else if (isMap(node)) {
      const p = findPair(node, String(seg));
      if (!p) break;
      pair = p;
      deepestPair = p;
      node = (p.value ?? undefined) as Node | undefined;
      if (!node) {
        depth++;
        return { pair, depth, deepest: root, deepestPair };
      }
    } else break;
    depth++;
  }
  const complete = depth === path.length;
  return { node: complete ? node : undefined, pair: complete ? pair : undefined, depth, deepest: node ?? root, deepestPair };
}

export function nodeSpan(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return { start: r[0], end: r[1] };
}

export function pairKeySpan(pair: Pair): Span | undefined {
  return nodeSpan(pair.key as Node | null);
}

/** What the cursor is on inside a document: the path to the innermost pair or item. */
export interface CursorContext {
  path: PathSegment[];
  /** On a key, on a value, or in an empty spot where a key could be typed. */
  on: 'key' | 'value' | 'none';
  node?: Node;
  pair?: Pair;
  /** The mapping that holds the cursor's pair. */
  map?: YAMLMap;
}

const inside = (r: readonly number[] | undefined | null, o: number): boolean => !!r && o >= r[0] && o <= r[1];

export function cursorContext(root: Node | null | undefined, offset: number): CursorContext {
  const path: PathSegment[] = [];
  let node = root ?? undefined;
  let last: CursorContext = { path: [], on: 'none' };
  for (let guard = 0; node && guard < 10000; guard++) {
    if (isMap(node)) {
      let next: Node | undefined;
      for (const item of node.items) {
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        const k = scalarKey(item);
        if (key && inside(key.range, offset)) {
          return { path: k === undefined ? path : [...path, k], on: 'key', node: key, pair: item, map: node };
        }
        if (value && inside(value.range, offset) && k !== undefined) {
          path.push(k);
          last = { path: [...path], on: 'value', node: value, pair: item, map: node };
          next = value;
          break;
        }
      }
      if (!next) return last.node === node ? { ...last, on: isScalar(node) ? 'value' : 'none' } : { path, on: 'none', map: node };
      node = next;
    } else if (isSeq(node)) {
      let next: Node | undefined;
      node.items.forEach((item, i) => {
        if (!next && item && inside((item as Node).range, offset)) {
          path.push(i);
          next = item as Node;
        }
      });
      if (!next) return { path, on: 'none' };
      last = { path: [...path], on: 'value', node: next };
      node = next;
    } else {
      return { ...last, path, on: 'value', node };
    }
  }
  return { path, on: 'none' };
}
