import { kindKey, resolveRef, type JsonSchema, type SchemaBundle } from '../../schema/bundle';
import { isObject } from '../../util/object';
import type { PathSegment } from '../../yaml/ast';

export interface QuantityField {
  path: PathSegment[];
  value: unknown;
}

/**
 * Every value of a built-in object whose schema type is resource.Quantity
 * (format "quantity" in the bundle): container requests and limits, PVC storage,
 * emptyDir sizeLimit, ResourceQuota hard, LimitRange limits, and so on.
 */
export function quantityFieldsOf(bundle: SchemaBundle, apiVersion: string, kind: string, value: unknown): QuantityField[] {
  const def = bundle.kinds[kindKey(apiVersion, kind)];
  if (!def) return [];
  const out: QuantityField[] = [];
  visit(bundle, bundle.definitions[def], value, [], out);
  return out;
}

function visit(bundle: SchemaBundle, schema: JsonSchema | undefined, v: unknown, path: PathSegment[], out: QuantityField[]): void {
  const s = resolveRef(bundle, schema);
  if (!s || v === null || v === undefined) return;
  if (s.format === 'quantity') {
    out.push({ path, value: v });
    return;
  }
  if (Array.isArray(v)) {
    if (s.items) v.forEach((item, i) => visit(bundle, s.items, item, [...path, i], out));
    return;
  }
  if (!isObject(v)) return;
  for (const [k, child] of Object.entries(v)) {
    const cs = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (cs) visit(bundle, cs, child, [...path, k], out);
  }
}
