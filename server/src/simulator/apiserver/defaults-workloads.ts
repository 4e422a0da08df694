import { dict, dicts, isDict, type Dict } from '../obj';
import { defaultPodTemplate } from './defaults-pod';

/** pkg/apis/apps/v1/defaults.go SetDefaults_Deployment. */
export function defaultDeployment(spec: Dict): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy = dict(spec.strategy));
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate = dict(strategy.rollingUpdate));
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate((spec.template = dict(spec.template)));
}

/** SetDefaults_ReplicaSet. */
export function defaultReplicaSet(spec: Dict): void {
  spec.replicas ??= 1;
  defaultPodTemplate((spec.template = dict(spec.template)));
}

/** SetDefaults_StatefulSet, and the PVC defaults of each volumeClaimTemplate. */
export function defaultStatefulSet(spec: Dict): void {
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  const us = (spec.updateStrategy = dict(spec.updateStrategy));
  us.type ??= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate = dict(us.rollingUpdate));
    ru.partition ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  const retention = (spec.persistentVolumeClaimRetentionPolicy = dict(spec.persistentVolumeClaimRetentionPolicy));
  retention.whenDeleted ??= 'Retain';
  retention.whenScaled ??= 'Retain';
  for (const t of dicts(spec.volumeClaimTemplates)) {
    t.apiVersion ??= 'v1';
    t.kind ??= 'PersistentVolumeClaim';
    const meta = (t.metadata = dict(t.metadata));
    meta.creationTimestamp = null;
    defaultPvcSpec((t.spec = dict(t.spec)));
    t.status = { phase: 'Pending' };
  }
  defaultPodTemplate((spec.template = dict(spec.template)));
}

/** SetDefaults_DaemonSet. */
export function defaultDaemonSet(spec: Dict): void {
  const us = (spec.updateStrategy = dict(spec.updateStrategy));
  us.type ??= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate = dict(us.rollingUpdate));
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate((spec.template = dict(spec.template)));
}

/** pkg/apis/batch/v1/defaults.go SetDefaults_Job (the selector and labels come from the job's uid, in the apiserver). */
export function defaultJob(spec: Dict): void {
  spec.completions ??= spec.parallelism === undefined ? 1 : spec.completions;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  defaultPodTemplate((spec.template = dict(spec.template)));
}

/** SetDefaults_CronJob. */
export function defaultCronJob(spec: Dict): void {
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jt = (spec.jobTemplate = dict(spec.jobTemplate));
  const js = (jt.spec = dict(jt.spec));
  if (isDict(js.template)) defaultPodTemplate(js.template);
}

/** SetDefaults_PersistentVolumeClaimSpec: volumeMode Filesystem. */
export function defaultPvcSpec(spec: Dict): void {
  spec.volumeMode ??= 'Filesystem';
}
