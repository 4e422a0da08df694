import type { Sim } from '../context';
import { nextActivation } from '../cron/next';
import { CronError, parseSchedule } from '../../engine/k8s/cron';
import { createObject } from '../apiserver/create';
import { clone, dict, ownerRef, str, stringMap } from '../obj';
import { timestamp } from '../random';
import type { KObject } from '../types';
import { ownedBy, setStatus } from './util';

/**
 * The CronJob controller (pkg/controller/cronjob, v2): nothing happens until
 * the next scheduled time after the last one (or after creation) has come on
 * the simulated clock; then it creates the Job `<cronjob>-<scheduled time in
 * minutes since the epoch>` from jobTemplate and records lastScheduleTime.
 * The simulated clock moves seconds while the cluster settles, so a CronJob
 * usually shows only its next schedule time (cronJobNextRun).
 */
export function reconcileCronJobs(sim: Sim): void {
  for (const cj of sim.store.list('CronJob')) reconcile(sim, cj);
}

/** When the CronJob fires next after the simulated `now`, or undefined (suspended, or never). */
export function cronJobNextRun(cj: KObject, now: Date): Date | undefined {
  const spec = dict(cj.spec);
  if (spec.suspend === true) return undefined;
  try {
    return nextActivation(parseSchedule(str(spec.schedule) ?? ''), now, str(spec.timeZone));
  } catch (e) {
    if (e instanceof CronError || e instanceof RangeError) return undefined;
    throw e;
  }
}

function reconcile(sim: Sim, cj: KObject): void {
  const spec = dict(cj.spec);
  if (spec.suspend === true) return;
  let schedule;
  try {
    schedule = parseSchedule(str(spec.schedule) ?? '');
  } catch {
    return; // validation rejected it already; nothing to run
  }
  const now = sim.config.clock.now();
  const last = str(dict(cj.status).lastScheduleTime) ?? cj.metadata.creationTimestamp;
  const due = nextActivation(schedule, new Date(Date.parse(last)), str(spec.timeZone));
  if (!due || due.getTime() > now.getTime()) return;
  const name = `${cj.metadata.name}-${Math.floor(due.getTime() / 60000)}`;
  const active = ownedBy(sim, 'Job', cj);
  if (!sim.store.has('Job', cj.metadata.namespace, name)) {
    if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) return;
    const template = dict(spec.jobTemplate);
    const tmeta = dict(template.metadata);
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: stringMap(tmeta.labels),
        annotations: { ...stringMap(tmeta.annotations), 'batch.kubernetes.io/cronjob-scheduled-timestamp': timestamp(due) },
        ownerReferences: [ownerRef(cj)],
      },
      spec: clone(dict(template.spec)),
    };
    const created = createObject(sim, job);
    if (created.error !== undefined) {
      sim.store.eventOnce(cj, 'Warning', 'FailedCreate', `Error creating job: ${created.error}`);
      return;
    }
    sim.store.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
  }
  const jobs = ownedBy(sim, 'Job', cj);
  setStatus(sim, cj, {
    active: jobs.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, uid: j.metadata.uid })),
    lastScheduleTime: timestamp(due),
  });
}
