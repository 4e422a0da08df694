import { dict, isDict, stringMap, type Dict } from '../obj';
import { matchesLabelSelector } from '../selector';
import { CronError, parseSchedule } from '../cron/parse';
import { timeZoneProblem } from '../cron/next';
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
  if (kind === 'CronJob') return validateCronJob(name, spec);
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
  if (errors.length === 0) return undefined;
  return invalid('CronJob', name, errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
}
