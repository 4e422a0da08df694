import { isObject, valueAt } from '../k8s/podSpecs';
import type { Fix } from '../diagnostic';
import type { PathSegment } from '../yaml/ast';
import type { ResourceContext, ResourceRule } from './types';

const APPS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const TEMPLATE_LABELS: PathSegment[] = ['spec', 'template', 'metadata', 'labels'];

type Labels = Record<string, unknown>;

/** metav1.LabelSelectorAsSelector + Matches; undefined when the selector is malformed (other rules report it). */
function selectorMatches(selector: Record<string, unknown>, labels: Labels): boolean | undefined {
  const ml = selector.matchLabels ?? {};
  const me = selector.matchExpressions ?? [];
  if (!isObject(ml) || !Array.isArray(me)) return undefined;
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  for (const e of me) {
    if (!isObject(e) || typeof e.key !== 'string') return undefined;
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = Array.isArray(e.values) ? e.values : [];
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return undefined;
    }
  }
  return true;
}

/** Go's %#v of a map[string]string, as the API server prints the template labels (keys sorted). */
const goMap = (labels: Labels): string => `map[string]string{${Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(labels[k]))}`).join(', ')}}`;

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'selector-mismatch',
    defaultSeverity: 'error',
    description: "A workload whose selector does not select its own pod template's labels, or whose selector is empty.",
    rationale:
      "A Deployment, ReplicaSet, StatefulSet or DaemonSet finds its pods by `spec.selector`, so the labels of `spec.template.metadata.labels` must satisfy it; otherwise the controller would create pods it cannot see. The API server rejects the object: ``spec.template.metadata.labels: Invalid value: ...: `selector` does not match template `labels` ``. An empty selector (`selector: {}`) is rejected too, since it would select every pod of the namespace. The same holds for a ReplicationController's `selector` and a Job with `manualSelector: true`. Make every `matchLabels` pair appear in the template labels; the selector cannot be changed after creation, so fix the template when in doubt.",
    example: 'spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: website}',
  },
  check(ctx) {
    const { res } = ctx;
    const selector = valueAt(res.value, ['spec', 'selector']);
    const labelsValue = valueAt(res.value, TEMPLATE_LABELS);
    const labels: Labels = isObject(labelsValue) ? labelsValue : {};
    if (labelsValue !== undefined && labelsValue !== null && !isObject(labelsValue)) return;
    const appsLike = (res.group === 'apps' || res.group === 'extensions') && APPS_KINDS.has(res.kind);
    const manualJob = res.group === 'batch' && res.kind === 'Job' && valueAt(res.value, ['spec', 'manualSelector']) === true;
    if (appsLike || manualJob) {
      if (!isObject(selector)) return; // missing: schema-required; wrong type: schema-type
      const ml = selector.matchLabels;
      const me = selector.matchExpressions;
      const empty = (!isObject(ml) || Object.keys(ml).length === 0) && (!Array.isArray(me) || me.length === 0);
      if (empty) {
        if (res.apiVersion === 'apps/v1' || res.apiVersion === 'apps/v1beta2' || manualJob) {
          ctx.report({
            path: ['spec', 'selector'],
            message: `spec.selector: Invalid value: empty selector is invalid for ${res.kind.toLowerCase()}. Select the pods by their labels, e.g. matchLabels: {app: ${res.name ?? 'my-app'}}, with the same labels in spec.template.metadata.labels.`,
          });
        }
        return;
      }
      const ok = selectorMatches(selector, labels);
      if (ok === false) reportMismatch(ctx, labels, isObject(ml) ? ml : {}, ['spec', 'selector']);
      return;
    }
    if (res.group === '' && res.kind === 'ReplicationController' && isObject(selector) && Object.keys(selector).length > 0 && labelsValue !== undefined) {
      // ValidateReplicationControllerSpec: a non-empty selector must match the template labels (an empty one is defaulted from them).
      if (selectorMatches({ matchLabels: selector }, labels) === false) reportMismatch(ctx, labels, selector, ['spec', 'selector']);
    }
  },
};

function reportMismatch(ctx: ResourceContext, labels: Labels, matchLabels: Labels, selectorPath: PathSegment[]): void {
  const { res } = ctx;
  const hasLabels = valueAt(res.value, TEMPLATE_LABELS) !== undefined;
  const path = hasLabels ? TEMPLATE_LABELS : valueAt(res.value, ['spec', 'template', 'metadata']) !== undefined ? ['spec', 'template', 'metadata'] : ['spec', 'template'];
  const wanted = Object.entries(matchLabels).filter(([k, v]) => labels[k] !== v);
  const need = wanted.map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  ctx.report({
    path,
    part: hasLabels ? 'value' : 'key',
    message: `The ${res.kind} "${res.name ?? ''}" is invalid: spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\`.${need ? ` The template labels need ${need}, as in spec.selector.` : ' The template labels must satisfy spec.selector.matchExpressions.'}`,
    related: [{ uri: res.uri, span: ctx.spanOf(selectorPath), message: 'the selector the template labels must match' }],
    fixes: labelFix(ctx, wanted, selectorPath),
  });
}

/** When every wrong label exists in the template with another value, offer to copy the selector's values over. */
function labelFix(ctx: ResourceContext, wanted: [string, unknown][], selectorPath: PathSegment[]): Fix[] {
  const labels = valueAt(ctx.res.value, TEMPLATE_LABELS);
  if (!wanted.length || !isObject(labels) || !wanted.every(([k]) => Object.prototype.hasOwnProperty.call(labels, k))) return [];
  const base = isObject(valueAt(ctx.res.value, selectorPath)) && !('matchLabels' in (valueAt(ctx.res.value, selectorPath) as object)) ? selectorPath : [...selectorPath, 'matchLabels'];
  const edits = wanted.map(([k]) => {
    const from = ctx.spanOf([...base, k]);
    return { uri: ctx.res.uri, span: ctx.spanOf([...TEMPLATE_LABELS, k]), newText: ctx.text.slice(from.start, from.end) };
  });
  return [{ title: 'Change the template labels to match the selector', edits }];
}
