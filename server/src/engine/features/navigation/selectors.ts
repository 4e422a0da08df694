import type { IndexedResource, IndexView, PodTemplateFact } from '../../index/types';
import { matchesLabels, matchesSelector, parseLabelSelector, type LabelSelector } from '../../index/labels';
import { valueAt, isObject, labelMap } from '../../k8s/podSpecs';
import type { Resource } from '../../k8s/resource';
import type { PathSegment } from '../../yaml/ast';
import { written, workloadsIn } from './locate';

/** A field of an object that selects pods by label. */
export interface SelectorField {
  path: readonly PathSegment[];
  selector: LabelSelector;
  /**
   * A plain label map (Service, ReplicationController): every pair must match, and an empty
   * map selects nothing (a Service without a selector gets no endpoints from Kubernetes).
   */
  equality: boolean;
}

/** metav1.LabelSelector fields (matchLabels + matchExpressions). An empty one selects every pod (NetworkPolicy, PDB). */
const LABEL_SELECTOR_AT: Record<string, readonly PathSegment[]> = {
  Deployment: ['spec', 'selector'],
  ReplicaSet: ['spec', 'selector'],
  StatefulSet: ['spec', 'selector'],
  DaemonSet: ['spec', 'selector'],
  Job: ['spec', 'selector'],
  Rollout: ['spec', 'selector'],
  PodDisruptionBudget: ['spec', 'selector'],
  NetworkPolicy: ['spec', 'podSelector'],
};

/** map[string]string selectors. */
const EQUALITY_SELECTOR_AT: Record<string, readonly PathSegment[]> = {
  Service: ['spec', 'selector'],
  ReplicationController: ['spec', 'selector'],
  DeploymentConfig: ['spec', 'selector'],
};

export function selectorFieldsOf(res: Resource): SelectorField[] {
  const eq = EQUALITY_SELECTOR_AT[res.kind];
  if (eq) {
    const v = valueAt(res.value, eq);
    return isObject(v) ? [{ path: eq, selector: { matchLabels: labelMap(v), matchExpressions: [] }, equality: true }] : [];
  }
  const ls = LABEL_SELECTOR_AT[res.kind];
  const sel = ls ? parseLabelSelector(valueAt(res.value, ls)) : undefined;
  return ls && sel ? [{ path: ls, selector: sel, equality: false }] : [];
}

export function selects(f: SelectorField, labels: Readonly<Record<string, string>>): boolean {
  if (f.equality) return Object.keys(f.selector.matchLabels).length > 0 && matchesLabels(f.selector.matchLabels, labels);
  return matchesSelector(f.selector, labels);
}

export const selectedTemplates = (view: IndexView, ns: string, f: SelectorField): PodTemplateFact[] => view.podTemplates(ns).filter((t) => selects(f, t.labels));

export interface SelectorUse {
  user: IndexedResource;
  field: SelectorField;
}

/** Every selector in the namespace that selects pods with these labels: Services, NetworkPolicies, PDBs, workloads. */
export function selectorsOfLabels(view: IndexView, ns: string, labels: Readonly<Record<string, string>>): SelectorUse[] {
  const users = [
    ...written(view.list('', 'Service', ns)),
    ...written(view.list('networking.k8s.io', 'NetworkPolicy', ns)),
    ...written(view.list('policy', 'PodDisruptionBudget', ns)),
    ...workloadsIn(view, ns),
  ];
  const out: SelectorUse[] = [];
  for (const user of users) for (const field of selectorFieldsOf(user.res)) if (selects(field, labels)) out.push({ user, field });
  return out;
}

/** The path, inside the selector, where it names label `key` (undefined when it does not). */
export function keyPathIn(res: Resource, f: SelectorField, key: string): { path: PathSegment[]; part: 'key' | 'value' } | undefined {
  if (f.equality) return key in f.selector.matchLabels ? { path: [...f.path, key], part: 'key' } : undefined;
  if (key in f.selector.matchLabels) return { path: [...f.path, 'matchLabels', key], part: 'key' };
  const exprs = valueAt(res.value, [...f.path, 'matchExpressions']);
  if (Array.isArray(exprs)) {
    const i = exprs.findIndex((e) => isObject(e) && e.key === key);
    if (i >= 0) return { path: [...f.path, 'matchExpressions', i, 'key'], part: 'value' };
  }
  return undefined;
}

/** The label key the cursor is on inside a selector, if any. */
export function labelKeyAt(res: Resource, f: SelectorField, path: readonly PathSegment[]): string | undefined {
  const rest = path.slice(f.path.length);
  if (f.equality) return typeof rest[0] === 'string' ? rest[0] : undefined;
  if (rest[0] === 'matchLabels' && typeof rest[1] === 'string') return rest[1];
  if (rest[0] === 'matchExpressions' && typeof rest[1] === 'number') {
    const key = valueAt(res.value, [...f.path, 'matchExpressions', rest[1], 'key']);
    return typeof key === 'string' ? key : undefined;
  }
  return undefined;
}
