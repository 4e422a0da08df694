import type { Sim } from '../context';
import { dict, num } from '../obj';
import type { KObject } from '../types';
import { createControlledPod, isPodReady, ownedBy, podFromTemplate, setStatus } from './util';

/**
 * The Job controller (pkg/controller/job): up to `parallelism` active pods,
 * never more than the completions still missing, named `<job>-<5 chars>`. The
 * simulated kubelet runs containers but never finishes them, so a Job stays
 * active: its pods are shown Running, not Completed.
 */
export function reconcileJobs(sim: Sim): void {
  for (const job of sim.store.list('Job')) reconcile(sim, job);
}

function reconcile(sim: Sim, job: KObject): void {
  const spec = dict(job.spec);
  if (spec.suspend === true) return;
  const parallelism = num(spec.parallelism) ?? 1;
  const completions = num(spec.completions);
  const want = sim.podBudget(job, completions === undefined ? parallelism : Math.min(parallelism, completions));
  const pods = ownedBy(sim, 'Pod', job);
  for (let i = pods.length; i < want; i++) {
    const pod = podFromTemplate(job, dict(spec.template), { generateName: `${job.metadata.name}-` });
    pod.metadata.finalizers = ['batch.kubernetes.io/job-tracking'];
    if (!createControlledPod(sim, job, pod)) break;
  }
  const live = ownedBy(sim, 'Pod', job);
  setStatus(sim, job, { active: live.length, ready: live.filter(isPodReady).length, startTime: dict(job.status).startTime ?? sim.store.now(), uncountedTerminatedPods: {} });
}
