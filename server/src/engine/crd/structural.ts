import type { JsonSchema } from '../schema/bundle';
import type { PathSegment } from '../yaml/ast';

/** Where a CR's metadata is validated: the same ObjectMeta as every built-in object (name rules included). */
export const OBJECT_META_REF = 'k8s#/definitions/meta.v1.ObjectMeta';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords that carry over to ajv as they are (OpenAPI v3.0 and JSON Schema draft 7 agree on them). */
const SAME = ['enum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'required'] as const;

/**
 * A CRD's structural schema (apiextensions.k8s.io/v1 JSONSchemaProps) as a JSON
 * Schema that ajv checks the way the API server does with strict field
 * validation (kubectl apply's default): a field the schema does not specify
 * would be pruned, and strict validation rejects it, so objects get
 * additionalProperties: false unless x-kubernetes-preserve-unknown-fields says
 * otherwise. apiVersion, kind and metadata are implicit at the root and in
 * x-kubernetes-embedded-resource objects; metadata is checked as ObjectMeta.
 * Defaults are not applied, but a required field with a default is not required.
 * Not checked: format, CEL rules (x-kubernetes-validations), list-type uniqueness.
 */
export function toAjvSchema(schema: Record<string, unknown>): JsonSchema {
  return convert(schema, 'root');
}

type Place = 'root' | 'field' | 'junctor';

function convert(s: Record<string, unknown>, place: Place): JsonSchema {
  const out: JsonSchema = {};
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  let types: string[] = typeof s.type === 'string' && s.type ? [s.type] : [];
  if (intOrString) types = ['integer', 'string'];
  if (types.length && s.nullable === true) types.push('null');
  if (types.length) out.type = types.length === 1 ? types[0] : types;
  for (const k of SAME) if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  // The API server applies schema defaults before it validates, so a required field with a default is never missing.
  if (Array.isArray(out.required) && isRecord(s.properties)) {
    const props = s.properties;
    out.required = out.required.filter((f) => !(isRecord(props[f]) && props[f].default !== undefined));
  }
  if (typeof s.pattern === 'string' && compiles(s.pattern)) out.pattern = s.pattern;
  // OpenAPI v3.0 writes exclusive bounds as booleans beside minimum/maximum.
  if (typeof s.minimum === 'number') out[s.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = s.minimum;
  if (typeof s.maximum === 'number') out[s.exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = s.maximum;
  const inner: Place = place === 'junctor' ? 'junctor' : 'field';
  if (isRecord(s.properties)) {
    out.properties = {};
    for (const [k, v] of Object.entries(s.properties)) if (isRecord(v)) out.properties[k] = convert(v, inner);
  }
  if (isRecord(s.items)) out.items = convert(s.items, inner);
  if (isRecord(s.additionalProperties)) out.additionalProperties = convert(s.additionalProperties, inner);
  else if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
  for (const j of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[j];
    if (!Array.isArray(list)) continue;
    // int-or-string's anyOf [{type: integer}, {type: string}] only restates the type.
    if (intOrString && list.every((b) => isRecord(b) && Object.keys(b).every((key) => key === 'type'))) continue;
    out[j] = list.filter(isRecord).map((b) => convert(b, 'junctor'));
  }
  if (isRecord(s.not)) out.not = convert(s.not, 'junctor');
  if (place === 'root' || embedded) {
    out.properties = { ...out.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: OBJECT_META_REF } };
    if (embedded) out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), 'apiVersion', 'kind'])];
  }
  // Junctor branches only add value checks; the fields themselves are those of the enclosing schema.
  const isObject = types.includes('object') || (!types.length && (out.properties !== undefined || place === 'root'));
  if (place !== 'junctor' && isObject && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    // An RE2-only construct: the API server checks it, Kubesim cannot.
    return false;
  }
}

export interface SchemaProblem {
  /** Path inside the CRD. */
  path: PathSegment[];
  part?: 'key' | 'value';
  message: string;
}

/**
 * What makes a v1 CRD schema not structural, so that the API server rejects the
 * CRD (apiextensions-apiserver pkg/apiserver/schema validateStructural): every
 * specified field and array item needs a type, unless it is
 * x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields; the root
 * is an object; $ref is not allowed; x-kubernetes-preserve-unknown-fields is
 * true or absent.
 */
export function structuralProblems(schema: Record<string, unknown>, at: PathSegment[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const rootType = schema.type;
  if (rootType !== 'object') out.push({ path: rootType === undefined ? at : [...at, 'type'], part: rootType === undefined ? 'key' : 'value', message: `type must be object at the root of openAPIV3Schema (the API server rejects the CRD).` });
  walk(schema, at, 'root', out, 0);
  return out;
}

function walk(s: Record<string, unknown>, at: PathSegment[], role: 'root' | 'field' | 'item' | 'junctor', out: SchemaProblem[], depth: number): void {
  if (depth > 64) return;
  const free = s['x-kubernetes-int-or-string'] === true || s['x-kubernetes-preserve-unknown-fields'] === true;
  if ((role === 'field' || role === 'item') && (typeof s.type !== 'string' || s.type === '') && !free)
    out.push({ path: at, part: 'key', message: `type must not be empty for specified ${role === 'field' ? 'object fields' : 'array items'}: the API server rejects a CRD whose schema is not structural. Give it a type (string, integer, number, boolean, object, array), or x-kubernetes-int-or-string / x-kubernetes-preserve-unknown-fields: true.` });
  if ('$ref' in s) out.push({ path: [...at, '$ref'], part: 'key', message: '$ref is not allowed in a CRD schema: structural schemas are self-contained. Inline the referenced schema.' });
  if (s['x-kubernetes-preserve-unknown-fields'] === false) out.push({ path: [...at, 'x-kubernetes-preserve-unknown-fields'], message: 'x-kubernetes-preserve-unknown-fields must be true or undefined.' });
  if (Array.isArray(s.items)) out.push({ path: [...at, 'items'], part: 'key', message: 'items must be one schema, not a list (tuple validation is not supported in CRD schemas).' });
  const child: 'field' | 'junctor' = role === 'junctor' ? 'junctor' : 'field';
  if (isRecord(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (isRecord(v)) walk(v, [...at, 'properties', k], child, out, depth + 1);
  if (isRecord(s.items)) walk(s.items, [...at, 'items'], role === 'junctor' ? 'junctor' : 'item', out, depth + 1);
  if (isRecord(s.additionalProperties)) walk(s.additionalProperties, [...at, 'additionalProperties'], child, out, depth + 1);
  for (const j of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[j];
    if (Array.isArray(list)) list.forEach((b, i) => isRecord(b) && walk(b, [...at, j, i], 'junctor', out, depth + 1));
  }
  if (isRecord(s.not)) walk(s.not, [...at, 'not'], 'junctor', out, depth + 1);
}
