import { dict, isDict, stringMap, type Dict } from '../obj';
import { matchesLabelSelector } from '../selector';
import { cronJobSpecErrors } from '../../engine/k8s/cron';
import { restartPolicyError } from '../../engine/k8s/restartPolicy';
import { goStringMap, invalid, invalidAll } from './messages';

const WORKLOADS_WITH_SELECTOR = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * The apiserver's validation that the simulator needs and the schema cannot
 * express: a workload's selector must be non-empty and must select its own
 * pod template (ValidateDeploymentSpec et al.: "`selector` does not match
 * template `labels`"), its pods' restart policy must suit the kind, a
 * CronJob's schedule must parse, a headless Service cannot be NodePort or
 * LoadBalancer. Returns kubectl's message, or undefined when the object is
 * valid.
 */
export function validateObject(kind: string, name: string, spec: Dict): string | undefined {
  if (kind === 'CronJob') return validateCronJob(name, spec);
  if (kind === 'Service') return validateServiceType(name, spec);
  const errors: string[] = [];
  if (WORKLOADS_WITH_SELECTOR.has(kind)) {
    const selector = spec.selector;
    const labels = stringMap(dict(dict(spec.template).metadata).labels);
    if (!isDict(selector)) errors.push('spec.selector: Required value');
    else if (Object.keys(dict(selector.matchLabels)).length === 0 && !Array.isArray(selector.matchExpressions)) {
      errors.push(`spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment`);
    } else if (!matchesLabelSelector(selector, labels)) {
      errors.push(`spec.template.metadata.labels: Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``);
    }
  }
  // ValidateJobSpec, ValidatePodTemplateSpecForReplicaSet and the DaemonSet, StatefulSet and RC checks: the restart policy the kind's pods may have.
  const restart = restartPolicyError(kind, dict(dict(spec.template).spec), 'spec.template.spec.restartPolicy');
  if (restart) errors.push(restart);
  return errors.length ? invalidAll(kind, name, errors) : undefined;
}

/** validateCronJobSpec: the schedule and the time zone, then the job template. */
function validateCronJob(name: string, spec: Dict): string | undefined {
  const errors = cronJobSpecErrors(spec).map((e) => e.error);
  const restart = restartPolicyError('CronJob', dict(dict(dict(dict(spec.jobTemplate).spec).template).spec), 'spec.jobTemplate.spec.template.spec.restartPolicy');
  if (restart) errors.push(restart);
  return errors.length ? invalidAll('CronJob', name, errors) : undefined;
}

/**
 * ValidateService: a headless Service (clusterIP None) has no cluster IP, and
 * NodePort and LoadBalancer Services are reached through one. Defaulting has
 * copied clusterIP into clusterIPs, which is the field the error names.
 */
function validateServiceType(name: string, spec: Dict): string | undefined {
  const type = typeof spec.type === 'string' && spec.type ? spec.type : 'ClusterIP';
  if (type !== 'NodePort' && type !== 'LoadBalancer') return undefined;
  const first = typeof spec.clusterIP === 'string' && spec.clusterIP ? spec.clusterIP : Array.isArray(spec.clusterIPs) ? spec.clusterIPs[0] : undefined;
  if (first !== 'None') return undefined;
  return invalid('Service', name, `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services`);
}
