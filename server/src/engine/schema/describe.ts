import type { ErrorObject } from 'ajv';
import { isScalar, type Node } from 'yaml';
import type { Fix, Span } from '../diagnostic';
import type { Resource } from '../k8s/resource';
import { spanAt } from '../k8s/resource';
import { insertFirstKeys } from '../k8s/insertKey';
import { isObject, labelMap } from '../k8s/podSpecs';
import type { Finding } from '../rules/types';
import { fieldPath, fromPointer } from '../util/jsonPath';
import { closest } from '../util/suggest';
import { locatePath, type PathSegment } from '../yaml/ast';
import { astBuilt } from '../yaml/parse';

export interface SchemaFinding extends Finding {
  ruleId: string;
  /** Where in the object the error is (for an unknown field: the object that holds it). */
  instancePath?: readonly PathSegment[];
}

/** YAML 1.1 spellings of booleans that a YAML 1.2 reader would take as strings. */
export const YAML11_ONLY_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** What an error message needs to know about the schema an object was validated against (the bundle, or a CRD's). */
export interface SchemaShape {
  /** Field names the object at `path` declares, for "did you mean". */
  knownFields(path: readonly PathSegment[]): string[];
  /** A readable name for the object at `path`: its type ("PodSpec"), the field name, or the kind at the root. */
  ownerName(path: readonly PathSegment[]): string;
}

/** Turns one ajv error into a finding with the message a learner understands, on the exact key or value. */
export function describeSchemaError(res: Resource, text: string, shape: SchemaShape, err: ErrorObject): SchemaFinding | undefined {
  const f = describe(res, text, shape, err);
  return f && { ...f, instancePath: fromPointer(err.instancePath, res.value) };
}

function describe(res: Resource, text: string, shape: SchemaShape, err: ErrorObject): SchemaFinding | undefined {
  const path = fromPointer(err.instancePath, res.value);
  const where = fieldPath(path);
  const owner = shape.ownerName(path);
  switch (err.keyword) {
    case 'additionalProperties': {
      const field = String((err.params as { additionalProperty: string }).additionalProperty);
      const known = shape.knownFields(path);
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
      const message = `Missing required field "${field}" in ${owner}${where ? ` (${where})` : ''}.`;
      const selector = field === 'selector' && res.group === 'apps' && path.length === 1 && path[0] === 'spec' ? selectorFromTemplate(res) : undefined;
      if (selector) return { ruleId: 'schema-required', span, message: `${message} ${selector.advice}`, ...(selector.fix ? { fixes: [selector.fix] } : {}) };
      return { ruleId: 'schema-required', span, message };
    }
    case 'type': {
      const expected = String((err.params as { type: string }).type).split(',');
      const scalar = scalarAt(res, path);
      const span = spanAt(res, path);
      const raw = text.slice(span.start, span.end);
      // A Secret's value must not reach a message, a fix title or a log; the fix itself still quotes it in place.
      const secret = isSecretValue(res, path);
      const shownRaw = secret ? 'the value' : raw;
      const actual = secret ? describeValue(valueAt(res.value, path)).replace(/ \(.*\)$/s, '') : describeValue(valueAt(res.value, path));
      if (expected.includes('string') && scalar && typeof scalar.value === 'boolean' && YAML11_ONLY_BOOLEANS.test(raw)) {
        return {
          ruleId: 'yaml11-boolean',
          span,
          message: `kubectl reads YAML 1.1, where an unquoted ${secret ? 'value like this' : raw} is the boolean ${String(scalar.value)}, so ${where} is not a string and the API server rejects it. Quote it${secret ? '' : `: "${raw}"`}.`,
          fixes: [quoteFix(res.uri, span, raw, secret)],
        };
      }
      const fixes: Fix[] = [];
      let hint = '';
      if (expected.includes('string') && scalar && (typeof scalar.value === 'number' || typeof scalar.value === 'boolean')) {
        hint = secret ? ` Quote ${shownRaw}.` : ` Quote it: "${raw}".`;
        fixes.push(quoteFix(res.uri, span, raw, secret));
      } else if ((expected.includes('integer') || expected.includes('number')) && scalar && typeof scalar.value === 'string' && /^-?\d+$/.test(scalar.value)) {
        hint = ` Remove the quotes: ${scalar.value}.`;
        fixes.push({ title: 'Remove the quotes', edits: [{ uri: res.uri, span, newText: scalar.value }] });
      } else if (expected.includes('boolean') && scalar && typeof scalar.value === 'string' && /^(true|false)$/i.test(scalar.value)) {
        hint = ` Remove the quotes: ${scalar.value.toLowerCase()}.`;
        fixes.push({ title: 'Remove the quotes', edits: [{ uri: res.uri, span, newText: scalar.value.toLowerCase() }] });
      } else if (res.kind === 'Service' && path.length === 3 && path[0] === 'spec' && path[1] === 'selector' && (path[2] === 'matchLabels' || path[2] === 'matchExpressions')) {
        // The learner's mix-up: workloads select with a LabelSelector, Services with a plain map.
        hint = ` A Service's selector is a plain map of labels (selector: {app: web}); ${path[2]} belongs to the selectors of Deployments and other workloads.`;
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
    default: {
      const constraint = constraintMessage(err, where || 'the object', valueAt(res.value, path));
      return { ruleId: 'schema-type', span: spanAt(res, path), message: constraint ?? `${where || 'The object'} ${err.message ?? 'is invalid'}.` };
    }
  }
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

/**
 * The scalar at `path` (undefined when the node there is not a scalar). A
 * fast-read document has no aliases or tags, so its node is a scalar exactly
 * when its value is not a collection: its AST is not built for this.
 */
function scalarAt(res: Resource, path: readonly PathSegment[]): { value: unknown } | undefined {
  if (!astBuilt(res.document.parsed)) {
    const v = valueAt(res.value, path);
    return v !== null && typeof v === 'object' ? undefined : { value: v };
  }
  const node = locatePath(res.node, path).node;
  return isScalar(node) ? { value: node.value } : undefined;
}

const YAML_WORDS = /^(y|yes|n|no|true|false|on|off|null|~)$/i;
/** A label key or value as a YAML scalar that reads back as the same string. */
const labelScalar = (s: string, key: boolean): string => ((key ? /^[A-Za-z0-9][A-Za-z0-9_./-]*$/ : /^[A-Za-z_][A-Za-z0-9_.-]*$/).test(s) && !YAML_WORDS.test(s) ? s : JSON.stringify(s));

/**
 * apps/v1 made spec.selector of Deployments, ReplicaSets, StatefulSets and
 * DaemonSets required (extensions/v1beta1 defaulted it from the template's
 * labels, so old tutorials leave it out). The fix writes the selector those
 * versions defaulted to: matchLabels equal to the template's labels, inserted
 * as the first key of a block-style spec.
 */
function selectorFromTemplate(res: Resource): { advice: string; fix?: Fix } | undefined {
  if (!isObject(res.value.spec)) return undefined;
  const entries = Object.entries(labelMap(valueAt(res.value, ['spec', 'template', 'metadata', 'labels'])));
  if (entries.length === 0) return undefined;
  const advice = `In apps/v1 it says which pods the ${res.kind} manages, and it must match the template's labels: selector.matchLabels ${entries.map(([k, v]) => `${k}=${v}`).join(', ')}.`;
  const edit = insertFirstKeys(res, ['spec'], (indent) => `selector:\n${indent}  matchLabels:\n${entries.map(([k, v]) => `${indent}    ${labelScalar(k, true)}: ${labelScalar(v, false)}\n`).join('')}`);
  // A flow mapping or a key after `- ` has no safe place to write a block: the message still says what to add.
  if (!edit) return { advice };
  return { advice, fix: { title: "Add spec.selector matching the template's labels", edits: [edit] } };
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

/**
 * Messages for value constraints (CRD schemas use them a lot), in the words of
 * the API server's OpenAPI validator (k8s.io/kube-openapi/pkg/validation/errors:
 * "in body should be greater than or equal to", "should match", ...).
 */
function constraintMessage(err: ErrorObject, where: string, value: unknown): string | undefined {
  const p = err.params as Record<string, unknown>;
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'the value';
  const rejects = `the API server rejects ${shown.length > 60 ? 'it' : shown}`;
  switch (err.keyword) {
    case 'pattern':
      return `${where} in body should match '${String(p.pattern)}'; ${rejects}.`;
    case 'minimum':
      return `${where} in body should be greater than or equal to ${String(p.limit)}; ${rejects}.`;
    case 'maximum':
      return `${where} in body should be less than or equal to ${String(p.limit)}; ${rejects}.`;
    case 'exclusiveMinimum':
      return `${where} in body should be greater than ${String(p.limit)}; ${rejects}.`;
    case 'exclusiveMaximum':
      return `${where} in body should be less than ${String(p.limit)}; ${rejects}.`;
    case 'minLength':
      return `${where} in body should be at least ${String(p.limit)} chars long; ${rejects}.`;
    case 'maxLength':
      return `${where} in body may not be longer than ${String(p.limit)}; the API server rejects it.`;
    case 'minItems':
      return `${where} in body should have at least ${String(p.limit)} items; the API server rejects it.`;
    case 'maxItems':
      return `${where} in body should have at most ${String(p.limit)} items; the API server rejects it.`;
    case 'minProperties':
      return `${where} in body should have at least ${String(p.limit)} properties; the API server rejects it.`;
    case 'maxProperties':
      return `${where} in body should have at most ${String(p.limit)} properties; the API server rejects it.`;
    case 'uniqueItems':
      return `${where} in body shouldn't contain duplicates (items ${String(p.j)} and ${String(p.i)} are equal); the API server rejects it.`;
    case 'multipleOf':
      return `${where} in body should be a multiple of ${String(p.multipleOf)}; ${rejects}.`;
    case 'oneOf':
    case 'anyOf':
      return `${where} matches none of the shapes its schema allows (${err.keyword}); the API server rejects it.`;
    case 'not':
      return `${where} has a shape its schema forbids (not); the API server rejects it.`;
    default:
      return undefined;
  }
}
