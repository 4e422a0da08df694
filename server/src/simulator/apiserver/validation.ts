import { dict, isDict, stringMap, type Dict } from '../obj';
import { matchesLabelSelector } from '../selector';
import { CronError, parseSchedule, timeZoneProblem } from '../../engine/k8s/cron';
import { goStringMap, invalid, invalidAll } from './messages';

const WORKLOADS_WITH_SELECTOR = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * The apiserver's validation (pkg/apis/apps/validation) that the simulator
 * needs and the schema cannot express: a workload's selector must be
 * non-empty and must select its own pod template (ValidateDeploymentSpec et
 * al.: "`selector` does not match template `labels`"). Returns kubectl's
 * message, or undefined when the object is valid.
 */
export function validateObject(kind: string, name: string, spec: Dict): string | undefined {
  if (kind === 'CronJob') return validateCronJob(name, spec);
  if (kind === 'Job') {
    const error = jobRestartPolicy(dict(dict(spec.template).spec), 'spec.template.spec.restartPolicy');
    return error && invalid(kind, name, error);
  }
  if (kind === 'Service') return validateServiceType(name, spec);
  if (!WORKLOADS_WITH_SELECTOR.has(kind) && kind !== 'ReplicationController') return undefined;
  const errors: string[] = [];
  if (kind !== 'ReplicationController') {
    const selector = spec.selector;
    const labels = stringMap(dict(dict(spec.template).metadata).labels);
    if (!isDict(selector)) errors.push('spec.selector: Required value');
    else if (Object.keys(dict(selector.matchLabels)).length === 0 && !Array.isArray(selector.matchExpressions)) {
      errors.push(`spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment`);
    } else if (!matchesLabelSelector(selector, labels)) {
      errors.push(`spec.template.metadata.labels: Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``);
    }
  }
  // ValidatePodTemplateSpecForReplicaSet and its DaemonSet, StatefulSet and RC counterparts: pods that keep running restart Always.
  const restart = restartPolicyOf(dict(dict(spec.template).spec));
  if (restart !== 'Always') errors.push(`spec.template.spec.restartPolicy: Unsupported value: ${JSON.stringify(restart)}: supported values: "Always"`);
  return errors.length ? invalidAll(kind, name, errors) : undefined;
}

/**
 * pkg/apis/batch/validation validateScheduleFormat and validateTimeZone: the
 * schedule must parse (robfig/cron ParseStandard, with its message), carry no
 * TZ= / CRON_TZ= prefix, and timeZone must be a zone the tz database knows.
 */
function validateCronJob(name: string, spec: Dict): string | undefined {
  const errors: string[] = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (!schedule) errors.push('spec.schedule: Required value');
  else {
    try {
      parseSchedule(schedule);
    } catch (e) {
      if (!(e instanceof CronError)) throw e;
      errors.push(`spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${e.message}`);
    }
    if (schedule.includes('TZ')) errors.push(`spec.schedule: Invalid value: ${JSON.stringify(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead`);
  }
  if (typeof spec.timeZone === 'string') {
    const problem = timeZoneProblem(spec.timeZone);
    if (problem) errors.push(`spec.timeZone: Invalid value: ${JSON.stringify(spec.timeZone)}: ${problem}`);
  }
  // validateCronJobSpec checks the job template after the schedule and the time zone.
  const restart = jobRestartPolicy(dict(dict(dict(dict(spec.jobTemplate).spec).template).spec), 'spec.jobTemplate.spec.template.spec.restartPolicy');
  if (restart) errors.push(restart);
  if (errors.length === 0) return undefined;
  return invalidAll('CronJob', name, errors);
}

/**
 * ValidateJobSpec: a Job's pods run to completion, so their restartPolicy must
 * be OnFailure or Never. Defaulting runs first and makes an unset one Always,
 * which is why a template without it is rejected with "Always".
 */
/** The policy defaulting leaves: the written one, else Always. */
const restartPolicyOf = (podSpec: Dict): string => (typeof podSpec.restartPolicy === 'string' && podSpec.restartPolicy ? podSpec.restartPolicy : 'Always');

function jobRestartPolicy(podSpec: Dict, field: string): string | undefined {
  const policy = restartPolicyOf(podSpec);
  if (policy === 'OnFailure' || policy === 'Never') return undefined;
  return `${field}: Unsupported value: ${JSON.stringify(policy)}: supported values: "OnFailure", "Never"`;
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
