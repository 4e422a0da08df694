import type { KObject } from '../types';

/**
 * `objects.find` by kind, namespace and name, through an index built once:
 * the reports look up an Endpoints or Service per row, and a scan per row
 * made them quadratic in the cluster's size. The first match wins, as with find.
 */
export function objectLookup(objects: readonly KObject[]): (kind: string, namespace: string | undefined, name: string) => KObject | undefined {
  let index: Map<string, KObject> | undefined;
  return (kind, namespace, name) => {
    if (!index) {
      index = new Map();
      for (const o of objects) {
        const k = key(o.kind, o.metadata.namespace, o.metadata.name);
        if (!index.has(k)) index.set(k, o);
      }
    }
    return index.get(key(kind, namespace, name));
  };
}

// An absent namespace and an empty one are different keys, as they are different values to find.
const key = (kind: string, namespace: string | undefined, name: string): string => `${kind}\u0000${namespace === undefined ? '\u0001' : namespace}\u0000${name}`;
