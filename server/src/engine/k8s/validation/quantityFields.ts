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

/** `path` is one stack pushed and popped along the walk; a found field gets its own copy. */
function visit(bundle: SchemaBundle, schema: JsonSchema | undefined, v: unknown, path: PathSegment[], out: QuantityField[]): void {
  const s = resolveRef(bundle, schema);
  if (!s || v === null || v === undefined || !mayHoldQuantity(bundle, s)) return;
  if (s.format === 'quantity') {
    out.push({ path: path.slice(), value: v });
    return;
  }
  if (Array.isArray(v)) {
    if (!s.items) return;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      visit(bundle, s.items, v[i], path, out);
      path.pop();
    }
    return;
  }
  if (!isObject(v)) return;
  const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  for (const k in v) {
    const cs = s.properties?.[k] ?? extra;
    if (!cs) continue;
    path.push(k);
    visit(bundle, cs, v[k], path, out);
    path.pop();
  }
}

// Whether a quantity can occur anywhere below a schema: most of an object (metadata, env, probes) cannot, and is not walked.
const holds = new WeakMap<JsonSchema, boolean>();
const inProgress = new Set<JsonSchema>();

function mayHoldQuantity(bundle: SchemaBundle, schema: JsonSchema): boolean {
  return reach(bundle, schema).holds;
}

/**
 * Reachability of a quantity through the schema graph. A schema met again
 * while it is being explored (a recursive type) counts as "no" for now, so a
 * "no" that depended on such a cut is not remembered; every "yes", and every
 * "no" found without a cut, is.
 */
function reach(bundle: SchemaBundle, schema: JsonSchema): { holds: boolean; cut: boolean } {
  const known = holds.get(schema);
  if (known !== undefined) return { holds: known, cut: false };
  if (inProgress.has(schema)) return { holds: false, cut: true };
  inProgress.add(schema);
  let found = schema.format === 'quantity';
  let cut = false;
  const children = [schema.items, typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined, ...Object.values(schema.properties ?? {})];
  for (const c of children) {
    if (found) break;
    const r = resolveRef(bundle, c);
    if (!r) continue;
    const sub = reach(bundle, r);
    found = sub.holds;
    cut ||= sub.cut;
  }
  inProgress.delete(schema);
  if (found || !cut) holds.set(schema, found);
  return { holds: found, cut: !found && cut };
}
