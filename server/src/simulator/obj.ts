import { isObject } from '../engine/util/object';
import type { KObject } from './types';

/** Loose accessors for user-shaped JSON: never throw, return undefined on a wrong shape. */
export type Dict = Record<string, unknown>;

export const isDict: (v: unknown) => v is Dict = isObject;
export const dict = (v: unknown): Dict => (isDict(v) ? v : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const dicts = (v: unknown): Dict[] => list(v).filter(isDict);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isDict(v)) return out;
  // By index over the keys: no entry pair per member (labels are copied for every pod and selector match).
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const x = v[keys[i]];
    if (typeof x === 'string') out[keys[i]] = x;
  }
  return out;
}

export const spec = (o: KObject): Dict => dict(o.spec);
export const status = (o: KObject): Dict => dict(o.status);
/**
 * A deep copy with the meaning of JSON.parse(JSON.stringify(v)), walked by hand
 * (several times faster, and no text in between). Anything that is not plain
 * JSON (a Date, a typed array, a non-finite number…) is copied through JSON,
 * so it comes out as that round trip makes it.
 */
export const clone = <T>(v: T): T => (v === undefined ? v : (copyJson(v, '') as T));

/**
 * Whether `v` is already what clone() would make of it: plain objects and
 * arrays of strings, booleans, null and finite numbers other than -0, no
 * undefined, no array holes, no toJSON. Such a value can be stored as it is.
 */
export function isPlainJson(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainJson(v[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
      for (const k in v) if (k === '__proto__' || !isPlainJson((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** The copy of `v` as it comes out of the round trip under `key` of its parent; undefined when JSON leaves it out. */
function copyJson(v: unknown, key: string | number): unknown {
  switch (typeof v) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (Number.isFinite(v) && v !== 0) return v;
      break; // -0 and the non-finite numbers: as JSON writes them
    case 'object': {
      if (v === null) return null;
      if (Array.isArray(v)) {
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = copyJson(v[i], i) ?? null;
        return out;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') break;
      const out: Record<string, unknown> = {};
      // for-in walks the own keys in Object.keys order without allocating them (the prototype is Object.prototype or null, neither with enumerable keys).
      for (const k in v) {
        const y = copyJson((v as Record<string, unknown>)[k], k);
        if (y === undefined) continue;
        // JSON.parse makes "__proto__" an own key; an assignment would set the prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
        else out[k] = y;
      }
      return out;
    }
  }
  const k = String(key);
  const text = JSON.stringify({ [k]: v });
  return (JSON.parse(text) as Record<string, unknown>)[k];
}

/** `namespace/name` for messages such as "Successfully assigned default/web-x to node-1". */
export const nsName = (o: KObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);

/** The controller owner (metav1.GetControllerOf). */
export function controllerOf(o: KObject): { kind: string; name: string; uid: string } | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRef(owner: KObject): NonNullable<KObject['metadata']['ownerReferences']>[number] {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}
