import { dict, dicts, str, type Dict } from '../../obj';
import { unresolvable, type Plugin } from '../framework';

/** v1.Toleration.ToleratesTaint: effect, key and (for Equal) value must match; an empty key with Exists tolerates everything. */
export function tolerates(t: Dict, taint: Dict): boolean {
  if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  const op = str(t.operator) ?? 'Equal';
  if (op === 'Exists') return true;
  return (str(t.value) ?? '') === (str(taint.value) ?? '');
}

/** The first NoSchedule / NoExecute taint of a node that none of the tolerations tolerates. */
export function untoleratedTaint(tolerations: Dict[], node: Dict): Dict | undefined {
  return dicts(dict(node.spec).taints).find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, taint)));
}

/**
 * TaintToleration filter: "node(s) had untolerated taint {key: value}" for the
 * first taint the pod does not tolerate (PreferNoSchedule only affects scoring).
 */
export const taintToleration: Plugin = {
  name: 'TaintToleration',
  filter(_sim, pod, node) {
    const taint = untoleratedTaint(dicts(dict(pod.spec).tolerations), node.node);
    return taint ? unresolvable(`node(s) had untolerated taint {${str(taint.key) ?? ''}: ${str(taint.value) ?? ''}}`) : undefined;
  },
};
