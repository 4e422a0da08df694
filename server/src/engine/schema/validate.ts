import Ajv, { type ValidateFunction } from 'ajv';
import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import { deref, kindKey, schemaAtPath, type JsonSchema, type SchemaBundle } from './bundle';
import { describeSchemaError, type SchemaFinding, type SchemaShape } from './describe';

export { YAML11_ONLY_BOOLEANS, type SchemaFinding } from './describe';

/**
 * Validators compiled at build time (schemas/generate-validators.mjs), keyed
 * "apps/v1:Deployment". The doors may load each one when it is first read.
 */
export type PrecompiledValidators = Record<string, ValidateFunction | undefined>;

/**
 * Validates objects against the bundled schemas: with the precompiled
 * validator of the kind, else with one compiled once per kind, on first use.
 */
export class SchemaValidator {
  /** Made only when a kind has no precompiled validator: adding every definition to ajv costs tens of milliseconds. */
  private runtime: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction | null>();
  /** Definition name → its kind key ("apps.v1.Deployment" → "apps/v1:Deployment"), for the precompiled validators. */
  private readonly keyOfDefinition = new Map<string, string>();

  constructor(readonly bundle: SchemaBundle, private readonly precompiled: PrecompiledValidators = {}) {
    for (const [key, def] of Object.entries(bundle.kinds)) if (!this.keyOfDefinition.has(def)) this.keyOfDefinition.set(def, key);
  }

  definitionFor(apiVersion: string, kind: string): string | undefined {
    return this.bundle.kinds[kindKey(apiVersion, kind)];
  }

  private validator(defName: string): ValidateFunction | null {
    let v = this.compiled.get(defName);
    if (v === undefined) {
      const key = this.keyOfDefinition.get(defName);
      v = (key && this.precompiled[key]) || (this.ajv().getSchema(`k8s#/definitions/${defName}`) ?? null);
      this.compiled.set(defName, v);
    }
    return v;
  }

  private ajv(): Ajv {
    if (!this.runtime) {
      this.runtime = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
      this.runtime.addSchema({ $id: 'k8s', definitions: this.bundle.definitions });
    }
    return this.runtime;
  }

  validate(res: Resource, text: string): SchemaFinding[] {
    const defName = this.definitionFor(res.apiVersion, res.kind);
    if (!defName) return [];
    const validate = this.validator(defName);
    if (!validate || validate(valueToValidate(res))) return [];
    const root = this.bundle.definitions[defName];
    const shape = bundleShape(this.bundle, root);
    const out: SchemaFinding[] = [];
    for (const err of validate.errors ?? []) {
      const f = describeSchemaError(res, text, shape, err);
      if (f) out.push(f);
    }
    return out;
  }
}

/**
 * The API server decodes JSON with Go's encoding/json rules, where a null
 * field "has no effect" (json.Unmarshal: null leaves the Go value at its zero
 * value), so `creationTimestamp: null` or `args:` with no value are accepted
 * as if absent. Null list items stay: they decode to empty objects and fail
 * their own checks.
 */
function withoutNullFields(value: unknown): unknown {
  // Most objects have no null field: they are validated as they are, with no copy.
  return hasNullField(value, 0) ? copyWithoutNullFields(value, 0) : value;
}

/** The object as the API server decodes it, for a validator: a document the reader knows to be null-free as it is, without the walk that looks for nulls. */
export function valueToValidate(res: Resource): unknown {
  return res.document.parsed.nullFree ? res.value : withoutNullFields(res.value);
}

function hasNullField(value: unknown, depth: number): boolean {
  if (depth > 200 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasNullField(value[i], depth + 1)) return true;
    return false;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v === null || hasNullField(v, depth + 1)) return true;
  }
  return false;
}

function copyWithoutNullFields(value: unknown, depth: number): unknown {
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => copyWithoutNullFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = copyWithoutNullFields(v, depth + 1);
  return out;
}


function bundleShape(bundle: SchemaBundle, root: JsonSchema): SchemaShape {
  return {
    knownFields: (path) => Object.keys(schemaAtPath(bundle, root, path)?.properties ?? {}),
    ownerName: (path) => typeName(bundle, root, path),
  };
}

/** A readable name for the object at `path`: its schema type ("PodSpec"), or the field name. */
function typeName(bundle: SchemaBundle, root: JsonSchema, path: readonly PathSegment[]): string {
  let s: JsonSchema | undefined = root;
  let name = 'the object';
  for (const seg of path) {
    if (!s) break;
    const next: JsonSchema | undefined = typeof seg === 'number' ? s.items : (s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
    if (next?.$ref) name = next.$ref.split('.').pop() ?? name;
    else if (typeof seg === 'string') name = seg;
    s = deref(bundle, next);
  }
  if (path.length === 0) {
    const kind = root.properties?.kind?.const;
    if (typeof kind === 'string') name = kind;
  }
  return name;
}
