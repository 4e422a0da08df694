import { dict, dicts } from '../../obj';
import { unresolvable, type Plugin } from '../framework';

/** NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods tolerating node.kubernetes.io/unschedulable. */
export const nodeUnschedulable: Plugin = {
  name: 'NodeUnschedulable',
  filter(_sim, pod, node) {
    if (dict(node.node.spec).unschedulable !== true) return undefined;
    const tolerated = dicts(dict(pod.spec).tolerations).some((t) => (t.key === 'node.kubernetes.io/unschedulable' || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoSchedule'));
    return tolerated ? undefined : unresolvable('node(s) were unschedulable');
  },
};
