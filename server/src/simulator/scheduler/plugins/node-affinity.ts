import { dict, stringMap, type Dict } from '../../obj';
import { matchesNodeSelectorTerms } from '../../selector';
import { unresolvable, type Plugin } from '../framework';

/**
 * Whether a pod may run on a node by its nodeSelector and its required node
 * affinity (component-helpers nodeaffinity.GetRequiredNodeAffinity: both must hold).
 */
export function matchesNodeAffinity(podSpec: Dict, nodeLabels: Record<string, string>, nodeName: string): boolean {
  for (const [k, v] of Object.entries(stringMap(podSpec.nodeSelector))) if (nodeLabels[k] !== v) return false;
  const required = dict(dict(dict(podSpec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  if (required.nodeSelectorTerms === undefined) return true;
  return matchesNodeSelectorTerms(required.nodeSelectorTerms, nodeLabels, nodeName);
}

/** NodeAffinity filter: "node(s) didn't match Pod's node affinity/selector" (ErrReasonPod). */
export const nodeAffinity: Plugin = {
  name: 'NodeAffinity',
  filter(_sim, pod, node) {
    return matchesNodeAffinity(dict(pod.spec), node.labels, node.name) ? undefined : unresolvable("node(s) didn't match Pod's node affinity/selector");
  },
};
