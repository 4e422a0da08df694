import { dict, isDict, stringMap, type Dict } from '../obj';
import { matchesLabelSelector } from '../selector';
import { goStringMap, invalid } from './messages';

const WORKLOADS_WITH_SELECTOR = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * The apiserver's validation (pkg/apis/apps/validation) that the simulator
 * needs and the schema cannot express: a workload's selector must be
 * non-empty and must select its own pod template (ValidateDeploymentSpec et
 * al.: "`selector` does not match template `labels`"). Returns kubectl's
 * message, or undefined when the object is valid.
 */
export function validateObject(kind: string, name: string, spec: Dict): string | undefined {
  if (!WORKLOADS_WITH_SELECTOR.has(kind)) return undefined;
  const selector = spec.selector;
  const labels = stringMap(dict(dict(spec.template).metadata).labels);
  if (!isDict(selector)) return invalid(kind, name, 'spec.selector: Required value');
  if (Object.keys(dict(selector.matchLabels)).length === 0 && !Array.isArray(selector.matchExpressions)) {
    return invalid(kind, name, `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment`);
  }
  if (!matchesLabelSelector(selector, labels)) {
    return invalid(kind, name, `spec.template.metadata.labels: Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``);
  }
  return undefined;
}
