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
  for (const [k, x] of Object.entries(dict(v))) if (typeof x === 'string') out[k] = x;
  return out;
}

export const spec = (o: KObject): Dict => dict(o.spec);
export const status = (o: KObject): Dict => dict(o.status);
export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** `namespace/name` for messages such as "Successfully assigned default/web-x to node-1". */
export const nsName = (o: KObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);

/** The controller owner (metav1.GetControllerOf). */
export function controllerOf(o: KObject): { kind: string; name: string; uid: string } | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRef(owner: KObject): NonNullable<KObject['metadata']['ownerReferences']>[number] {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}
