import { deref, kindKey, type JsonSchema, type SchemaBundle } from '../schema/bundle';
import type { PathSegment } from '../yaml/ast';

const REF = '#/definitions/';

/** apiVersions (in bundle order) that serve `kind`. */
export function apiVersionsOf(bundle: SchemaBundle, kind: string): string[] {
  const out: string[] = [];
  for (const key of Object.keys(bundle.kinds)) {
    const i = key.lastIndexOf(':');
    if (key.slice(i + 1) === kind) out.push(key.slice(0, i));
  }
  return out;
}

/** Prefers a stable (v1, v2) version over alpha/beta ones. */
export function preferredApiVersion(bundle: SchemaBundle, kind: string): string | undefined {
  const all = apiVersionsOf(bundle, kind);
  return all.find((v) => !/(alpha|beta)/.test(v)) ?? all[0];
}

/** The definition of the document's object, guessing the apiVersion when only the kind is written. */
export function rootSchema(bundle: SchemaBundle, apiVersion: string | undefined, kind: string | undefined): { schema: JsonSchema; name: string } | undefined {
  if (!kind) return undefined;
  let name = apiVersion ? bundle.kinds[kindKey(apiVersion, kind)] : undefined;
  if (!name) {
    const v = preferredApiVersion(bundle, kind);
    name = v ? bundle.kinds[kindKey(v, kind)] : undefined;
  }
  return name ? { schema: { $ref: REF + name }, name } : undefined;
}

/** One step of a path in the schema, keeping what deref() forgets: the referenced type's name. */
export interface FieldSchema {
  /** The schema as written at this position (may be a $ref). */
  raw: JsonSchema;
  /** Its dereferenced form. */
  schema: JsonSchema;
  /** The object schema that holds this field, when the last step was a key. */
  parent?: JsonSchema;
  /** True when the field is a named property (not a map entry or list item). */
  property: boolean;
}

export function fieldAt(bundle: SchemaBundle, root: JsonSchema, path: readonly PathSegment[]): FieldSchema | undefined {
  let raw = root;
  let schema = deref(bundle, root);
  let parent: JsonSchema | undefined;
  let property = false;
  for (const seg of path) {
    if (!schema) return undefined;
    if (typeof seg === 'number') {
      if (!schema.items) return undefined;
      parent = undefined;
      property = false;
      raw = schema.items;
    } else {
      const prop = schema.properties?.[seg];
      const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      if (!prop && !extra) return undefined;
      parent = schema;
      property = !!prop;
      raw = (prop ?? extra) as JsonSchema;
    }
    schema = deref(bundle, raw);
  }
  return schema ? { raw, schema, parent, property } : undefined;
}

const shortName = (ref: string): string => ref.slice(ref.lastIndexOf('.') + 1);

export const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

export const isObjectSchema = (s: JsonSchema): boolean => typesOf(s).includes('object') || !!s.properties;
export const isArraySchema = (s: JsonSchema): boolean => typesOf(s).includes('array');

/** A reader's name for a field's type: `string`, `int-or-string`, `quantity`, `object (PodSpec)`, `list of Container`, `map of string`. */
export function typeName(bundle: SchemaBundle, raw: JsonSchema | undefined, depth = 0): string {
  if (!raw || depth > 4) return 'any';
  const s = deref(bundle, raw) ?? raw;
  if (s.format === 'int-or-string') return 'int-or-string';
  if (s.format === 'quantity') return 'quantity';
  if (raw.$ref?.endsWith('.Time') || raw.$ref?.endsWith('.MicroTime')) return 'timestamp (RFC 3339 string)';
  if (isArraySchema(s)) return `list of ${typeName(bundle, s.items, depth + 1)}`;
  // Inside `list of`/`map of`, a named object type reads best as its bare name.
  if (s.properties || (raw.$ref && isObjectSchema(s))) return raw.$ref ? (depth > 0 ? shortName(raw.$ref) : `object (${shortName(raw.$ref)})`) : 'object';
  if (typeof s.additionalProperties === 'object') return `map of ${typeName(bundle, s.additionalProperties, depth + 1)}`;
  if (raw.$ref) return shortName(raw.$ref);
  const t = typesOf(s);
  if (t.length === 0) return 'any';
  return t.join(' or ');
}

/** The default a field's description states ("Defaults to 1.", "Default is TCP."). */
export function statedDefault(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const m = /(?:^|[.;)]\s+|\()(?:Defaults?|defaults?) (?:to|is) (?!a default)(.+?)\.(?=\s|$)/.exec(description);
  if (!m) return undefined;
  const v = m[1].trim().replace(/^"(.*)"$/, '$1');
  return v.length > 120 ? undefined : v;
}

/** Read-only fields the server fills in: never worth offering to a writer. */
export function serverPopulated(name: string, s: JsonSchema | undefined): boolean {
  if (name === 'status') return true;
  const d = s?.description ?? '';
  return /Read-only\.|read-only field|Populated by the system|Clients may not set this value|internal housekeeping/.test(d);
}
