import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isScalar, type Node } from 'yaml';
import type { Fix, Span } from '../diagnostic';
import type { Resource } from '../k8s/resource';
import { spanAt } from '../k8s/resource';
import type { Finding } from '../rules/types';
import { fieldPath, fromPointer } from '../util/jsonPath';
import { closest } from '../util/suggest';
import { locatePath, type PathSegment } from '../yaml/ast';
import { deref, kindKey, schemaAtPath, type JsonSchema, type SchemaBundle } from './bundle';

export interface SchemaFinding extends Finding {
  ruleId: string;
}

/** YAML 1.1 spellings of booleans that a YAML 1.2 reader would take as strings. */
export const YAML11_ONLY_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Validates objects against the bundled schemas. Validators are compiled once
 * per kind, on first use.
 */
/** Validators compiled at build time (schemas/generate-validators.mjs), keyed "apps/v1:Deployment". */
export type PrecompiledValidators = Record<string, ValidateFunction>;

export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();
  /** Definition name → its kind key ("apps.v1.Deployment" → "apps/v1:Deployment"), for the precompiled validators. */
  private readonly keyOfDefinition = new Map<string, string>();

  constructor(readonly bundle: SchemaBundle, private readonly precompiled: PrecompiledValidators = {}) {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
    this.ajv.addSchema({ $id: 'k8s', definitions: bundle.definitions });
    for (const [key, def] of Object.entries(bundle.kinds)) if (!this.keyOfDefinition.has(def)) this.keyOfDefinition.set(def, key);
  }

  definitionFor(apiVersion: string, kind: string): string | undefined {
    return this.bundle.kinds[kindKey(apiVersion, kind)];
  }

  private validator(defName: string): ValidateFunction | null {
    let v = this.compiled.get(defName);
    if (v === undefined) {
      const key = this.keyOfDefinition.get(defName);
      v = (key && this.precompiled[key]) || (this.ajv.getSchema(`k8s#/definitions/${defName}`) ?? null);
      this.compiled.set(defName, v);
    }
    return v;
  }

  validate(res: Resource, text: string): SchemaFinding[] {
    const defName = this.definitionFor(res.apiVersion, res.kind);
    if (!defName) return [];
    const validate = this.validator(defName);
    if (!validate || validate(withoutNullFields(res.value))) return [];
    const root = this.bundle.definitions[defName];
    const out: SchemaFinding[] = [];
    for (const err of validate.errors ?? []) {
      const f = this.describe(res, text, root, err);
      if (f) out.push(f);
    }
    return out;
  }

  private describe(res: Resource, text: string, root: JsonSchema, err: ErrorObject): SchemaFinding | undefined {
    const path = fromPointer(err.instancePath, res.value);
    const where = fieldPath(path);
    const owner = typeName(this.bundle, root, path);
    switch (err.keyword) {
      case 'additionalProperties': {
        const field = String((err.params as { additionalProperty: string }).additionalProperty);
        const parent = schemaAtPath(this.bundle, root, path);
        const known = Object.keys(parent?.properties ?? {});
        const suggestion = closest(field, known);
        const fieldPathText = fieldPath([...path, field]);
        const keySpan = spanAt(res, [...path, field], 'key');
        const fixes: Fix[] = suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [{ uri: res.uri, span: keySpan, newText: suggestion }] }] : [];
        const hint = suggestion ? ` Did you mean "${suggestion}"?` : known.length ? ` Known fields: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.` : '';
        return { ruleId: 'schema-unknown-field', path: [...path, field], part: 'key', span: keySpan, message: `Unknown field "${field}" in ${owner}${where ? ` (${fieldPathText})` : ''}; the API server rejects it.${hint}`, fixes };
      }
      case 'required': {
        const field = String((err.params as { missingProperty: string }).missingProperty);
        const span = requiredSpan(res, path);
        return { ruleId: 'schema-required', span, message: `Missing required field "${field}" in ${owner}${where ? ` (${where})` : ''}.` };
      }
      case 'type': {
        const expected = String((err.params as { type: string }).type).split(',');
        const loc = locatePath(res.node, path);
        const span = spanAt(res, path);
        const raw = text.slice(span.start, span.end);
        // A Secret's value must not reach a message, a fix title or a log; the fix itself still quotes it in place.
        const secret = isSecretValue(res, path);
        const shownRaw = secret ? 'the value' : raw;
        const actual = secret ? describeValue(valueAt(res.value, path)).replace(/ \(.*\)$/s, '') : describeValue(valueAt(res.value, path));
        if (expected.includes('string') && isScalar(loc.node) && typeof loc.node.value === 'boolean' && YAML11_ONLY_BOOLEANS.test(raw)) {
          return {
            ruleId: 'yaml11-boolean',
            span,
            message: `kubectl reads YAML 1.1, where an unquoted ${secret ? 'value like this' : raw} is the boolean ${loc.node.value}, so ${where} is not a string and the API server rejects it. Quote it${secret ? '' : `: "${raw}"`}.`,
            fixes: [quoteFix(res.uri, span, raw, secret)],
          };
        }
        const fixes: Fix[] = [];
        let hint = '';
        if (expected.includes('string') && isScalar(loc.node) && (typeof loc.node.value === 'number' || typeof loc.node.value === 'boolean')) {
          hint = secret ? ` Quote ${shownRaw}.` : ` Quote it: "${raw}".`;
          fixes.push(quoteFix(res.uri, span, raw, secret));
        } else if ((expected.includes('integer') || expected.includes('number')) && isScalar(loc.node) && typeof loc.node.value === 'string' && /^-?\d+$/.test(loc.node.value)) {
          hint = ` Remove the quotes: ${loc.node.value}.`;
          fixes.push({ title: 'Remove the quotes', edits: [{ uri: res.uri, span, newText: loc.node.value }] });
        } else if (expected.includes('boolean') && isScalar(loc.node) && typeof loc.node.value === 'string' && /^(true|false)$/i.test(loc.node.value)) {
          hint = ` Remove the quotes: ${loc.node.value.toLowerCase()}.`;
          fixes.push({ title: 'Remove the quotes', edits: [{ uri: res.uri, span, newText: loc.node.value.toLowerCase() }] });
        }
        return { ruleId: 'schema-type', span, message: `${where || 'The object'} must be ${expected.map(article).join(' or ')}, not ${actual}.${hint}`, fixes };
      }
      case 'enum': {
        const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const value = valueAt(res.value, path);
        const span = spanAt(res, path);
        const suggestion = typeof value === 'string' ? closest(value, allowed.filter((a) => a !== '')) : undefined;
        const shown = allowed.map((a) => (a === '' ? '""' : a)).join(', ');
        return {
          ruleId: 'schema-enum',
          span,
          message: `${JSON.stringify(value)} is not a valid ${lastKey(path)}. Use one of: ${shown}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ uri: res.uri, span, newText: suggestion }] }] : [],
        };
      }
      case 'const':
        return { ruleId: 'schema-type', span: spanAt(res, path), message: `${where} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}.` };
      default:
        return { ruleId: 'schema-type', span: spanAt(res, path), message: `${where || 'The object'} ${err.message ?? 'is invalid'}.` };
    }
  }
}

/**
 * The API server decodes JSON with Go's encoding/json rules, where a null
 * field "has no effect" (json.Unmarshal: null leaves the Go value at its zero
 * value), so `creationTimestamp: null` or `args:` with no value are accepted
 * as if absent. Null list items stay: they decode to empty objects and fail
 * their own checks.
 */
function withoutNullFields(value: unknown, depth = 0): unknown {
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutNullFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNullFields(v, depth + 1);
  return out;
}

function quoteFix(uri: string, span: Span, raw: string, secret = false): Fix {
  return { title: secret ? 'Quote the value' : `Quote the value: "${raw}"`, edits: [{ uri, span, newText: JSON.stringify(raw) }] };
}

/** A value under a core Secret's data or stringData: never echoed. */
export function isSecretValue(res: Resource, path: readonly PathSegment[]): boolean {
  return res.group === '' && res.kind === 'Secret' && path.length >= 2 && (path[0] === 'data' || path[0] === 'stringData');
}

function article(t: string): string {
  return t === 'integer' ? 'an integer' : t === 'object' ? 'an object' : t === 'array' ? 'a list' : `a ${t}`;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)})`;
  if (typeof v === 'number') return Number.isInteger(v) ? `a number (${v})` : `a decimal number (${v})`;
  return `a ${typeof v} (${String(v)})`;
}

function lastKey(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'value';
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let cur = value;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}

/** A missing field is reported on the key that holds its parent object, or on the first key of a list item. */
function requiredSpan(res: Resource, path: readonly PathSegment[]): Span {
  if (path.length === 0) return spanAt(res, ['kind']);
  if (typeof path[path.length - 1] === 'number') {
    const loc = locatePath(res.node, path);
    const first = (loc.node as { items?: { key?: Node }[] } | undefined)?.items?.[0]?.key;
    if (first?.range) return { start: res.document.start + first.range[0], end: res.document.start + first.range[1] };
    return spanAt(res, path);
  }
  return spanAt(res, path, 'key');
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
