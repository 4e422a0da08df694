/**
 * The restart policies each controller's validation accepts for its pod
 * template: ValidateJobSpec wants OnFailure or Never (its pods run to
 * completion); ValidatePodTemplateSpecForReplicaSet and the DaemonSet,
 * StatefulSet and ReplicationController checks want Always.
 */
const ALLOWED: Record<string, readonly string[]> = {
  Job: ['OnFailure', 'Never'],
  CronJob: ['OnFailure', 'Never'],
  Deployment: ['Always'],
  ReplicaSet: ['Always'],
  DaemonSet: ['Always'],
  StatefulSet: ['Always'],
  ReplicationController: ['Always'],
};

/** What the kind's pods may restart with; undefined for kinds whose templates are not checked. */
export const allowedRestartPolicies = (kind: string): readonly string[] | undefined => (Object.prototype.hasOwnProperty.call(ALLOWED, kind) ? ALLOWED[kind] : undefined);

/** The policy defaulting leaves: the written one, else Always (SetDefaults_PodSpec). */
export const restartPolicyOf = (podSpec: Record<string, unknown>): string => (typeof podSpec.restartPolicy === 'string' && podSpec.restartPolicy ? podSpec.restartPolicy : 'Always');

/**
 * kubectl's field error for a pod template whose restartPolicy its kind
 * refuses (`field` is the path it names), or undefined. Defaulting runs first,
 * so a Job that writes none is refused with "Always".
 */
export function restartPolicyError(kind: string, podSpec: Record<string, unknown>, field: string): string | undefined {
  const allowed = allowedRestartPolicies(kind);
  const policy = restartPolicyOf(podSpec);
  if (!allowed || allowed.includes(policy)) return undefined;
  return `${field}: Unsupported value: ${JSON.stringify(policy)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}
