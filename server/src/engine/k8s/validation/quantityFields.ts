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
  const plan = planFor(bundle, bundle.definitions[def]);
  if (plan) visit(plan, value, [], out);
  return out;
}

/**
 * What the walk needs of a schema that may hold a quantity, worked out once
 * per schema: each declared property's plan (null when no quantity can be
 * below it), the plan of undeclared keys and of items. The walk then costs a
 * lookup per key of the value, not a $ref resolution and a reachability
 * question.
 */
interface Plan {
  quantity: boolean;
  properties: Map<string, Plan | null>;
  extra: Plan | null;
  items: Plan | null;
}

const plans = new WeakMap<JsonSchema, Plan>();

function planFor(bundle: SchemaBundle, schema: JsonSchema | undefined): Plan | null {
  const s = resolveRef(bundle, schema);
  if (!s || !mayHoldQuantity(bundle, s)) return null;
  let plan = plans.get(s);
  if (plan) return plan;
  plan = { quantity: s.format === 'quantity', properties: new Map(), extra: null, items: null };
  // Remembered before its children are planned: a recursive type reaches its own plan.
  plans.set(s, plan);
  if (!plan.quantity) {
    for (const [k, cs] of Object.entries(s.properties ?? {})) plan.properties.set(k, planFor(bundle, cs));
    if (typeof s.additionalProperties === 'object') plan.extra = planFor(bundle, s.additionalProperties);
    if (s.items) plan.items = planFor(bundle, s.items);
  }
  return plan;
}

/** `path` is one stack pushed and popped along the walk; a found field gets its own copy. */
function visit(plan: Plan, v: unknown, path: PathSegment[], out: QuantityField[]): void {
  if (v === null || v === undefined) return;
  if (plan.quantity) {
    out.push({ path: path.slice(), value: v });
    return;
  }
  if (Array.isArray(v)) {
    const items = plan.items;
    if (!items) return;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      visit(items, v[i], path, out);
      path.pop();
    }
    return;
  }
  if (!isObject(v)) return;
  for (const k in v) {
    // A declared property is walked by its own schema (or not at all); only undeclared keys take additionalProperties.
    const child = plan.properties.has(k) ? plan.properties.get(k) : plan.extra;
    if (!child) continue;
    path.push(k);
    visit(child, v[k], path, out);
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
