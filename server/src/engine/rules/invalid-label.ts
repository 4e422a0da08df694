import { isObject } from '../k8s/podSpecs';
import { labelValue, qualifiedName } from '../k8s/validation/names';
import type { PathSegment } from '../yaml/ast';
import type { ResourceContext, ResourceRule } from './types';

/** ValidateAnnotations: the keys and values of all annotations together, in bytes. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-label',
    defaultSeverity: 'error',
    description: 'A label key or value, selector label, or annotation key that the API server rejects.',
    rationale:
      'Label keys are `[prefix/]name`: the optional prefix is a DNS subdomain such as `app.kubernetes.io`, the name is at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Label values follow the same rule for the name part (or are empty); they cannot hold spaces, slashes or colons, so a version like `v1.2.3` is fine but `release 2024/01` is not. Annotation keys follow the label key rule; annotation values are free text, which makes an annotation the place for descriptions, URLs and JSON. The same rules apply to `selector.matchLabels`, `matchExpressions` keys and values, and a Service `selector`.',
    example: 'metadata:\n  labels:\n    app: my app',
  },
  check(ctx) {
    if (!ctx.builtinGroups.has(ctx.res.group) || ctx.res.group === 'apiextensions.k8s.io') {
      // The API server validates a custom resource's own metadata, not what is nested in it.
      checkMetadata(ctx, ctx.res.value.metadata, ['metadata']);
      return;
    }
    walk(ctx, ctx.res.value, []);
  },
};

/**
 * Visits every mapping of a built-in object, finding metadata, selectors and
 * matchExpressions wherever they are nested. `path` is one stack pushed and
 * popped along the walk (a copy per node was most of this rule's garbage);
 * the checks get their own copy.
 */
function walk(ctx: ResourceContext, v: unknown, path: PathSegment[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item !== 'object' || item === null) continue;
      path.push(i);
      walk(ctx, item, path);
      path.pop();
    }
    return;
  }
  if (!isObject(v)) return;
  const last = path[path.length - 1];
  if (last === 'metadata') checkMetadata(ctx, v, path);
  if (last === 'matchLabels') checkLabelMap(ctx, v, path, '', 'selector label');
  // A Service's and a ReplicationController's selector is a plain label map (ValidateService uses ValidateLabels).
  if (last === 'selector' && path.length === 2 && path[0] === 'spec' && (ctx.res.kind === 'Service' || ctx.res.kind === 'ReplicationController')) {
    checkLabelMap(ctx, v, path, '', 'selector label');
    return;
  }
  if (last === 'matchExpressions') return; // handled by the parent below
  // Values are label values in a LabelSelector; node selector terms (nodeAffinity) take other values, such as numbers for Gt.
  if (Array.isArray(v.matchExpressions)) checkExpressions(ctx, v.matchExpressions, [...path, 'matchExpressions'], last === 'selector');
  if (path.length > 0 && last === 'metadata') return; // checked above, as a whole
  for (const k in v) {
    const child = v[k];
    if (typeof child !== 'object' || child === null) continue;
    path.push(k);
    walk(ctx, child, path);
    path.pop();
  }
}

/** `path` is where `meta` is; the walk's stack, so a finding copies it. */
function checkMetadata(ctx: ResourceContext, meta: unknown, path: readonly PathSegment[]): void {
  if (!isObject(meta)) return;
  checkLabelMap(ctx, meta.labels, path, 'labels', 'label');
  const ann = meta.annotations;
  if (!isObject(ann)) return;
  let total = 0;
  for (const k in ann) {
    const v = ann[k];
    total += k.length + (typeof v === 'string' ? v.length : 0);
    // ValidateAnnotations checks the lowercased key as a qualified name.
    const errs = qualifiedName(k.toLowerCase());
    if (errs.length) {
      ctx.report({ path: [...path, 'annotations', k], part: 'key', message: `Annotation key "${k}" is invalid: ${errs.join(', ')}. Annotation keys follow the label key rule: [prefix/]name, e.g. example.com/note.` });
    }
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    ctx.report({ path: [...path, 'annotations'], part: 'key', message: `metadata.annotations: Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (these have about ${total}). Move large content to a ConfigMap.` });
  }
}

/**
 * The label map `labels`, found at `path` + `field` (field is '' when path is
 * the map's own). Paths are built only for a finding: a valid map, nearly
 * every map, costs no allocation.
 */
function checkLabelMap(ctx: ResourceContext, labels: unknown, path: readonly PathSegment[], field: string, what: string): void {
  if (!isObject(labels)) return;
  const at = (k: string): PathSegment[] => (field ? [...path, field, k] : [...path, k]);
  for (const k in labels) {
    const v = labels[k];
    if (qualifiedName(k).length) checkKey(ctx, at(k), k, what, 'key');
    if (typeof v === 'string' && labelValue(v).length) checkValue(ctx, at(k), k, v, what);
  }
}

function checkExpressions(ctx: ResourceContext, exprs: unknown[], path: PathSegment[], values: boolean): void {
  exprs.forEach((e, i) => {
    if (!isObject(e)) return;
    if (typeof e.key === 'string') checkKey(ctx, [...path, i, 'key'], e.key, 'selector', 'value');
    if (!values || !Array.isArray(e.values)) return;
    e.values.forEach((val, j) => {
      if (typeof val === 'string') checkValue(ctx, [...path, i, 'values', j], String(e.key), val, 'selector');
    });
  });
}

function checkKey(ctx: ResourceContext, path: PathSegment[], key: string, what: string, part: 'key' | 'value'): void {
  const errs = qualifiedName(key);
  if (!errs.length) return;
  ctx.report({ path, part, message: `Invalid ${what} key "${key}": ${errs.join(', ')}. Write [prefix/]name, e.g. app or app.kubernetes.io/name.` });
}

function checkValue(ctx: ResourceContext, path: PathSegment[], key: string, value: string, what: string): void {
  const errs = labelValue(value);
  if (!errs.length) return;
  const guess = value.replace(/[^-_.A-Za-z0-9]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
  const fix = guess && guess !== value ? guess : undefined;
  ctx.report({
    path,
    message: `Invalid ${what} value "${value}" for "${key}": ${errs.join(', ')}.${fix ? ` Try "${fix}".` : ''} Put free text in an annotation instead.`,
    fixes: fix ? [{ title: `Change to ${fix}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: fix }] }] : [],
  });
}
