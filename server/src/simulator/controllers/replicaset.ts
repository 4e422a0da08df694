import type { Sim } from '../context';
import { dict, num } from '../obj';
import { matchesLabelSelector } from '../selector';
import type { KObject } from '../types';
import { QuietObjects } from './quiet';
import { createControlledPod, isPodReady, ownedBy, podFromTemplate, setStatus } from './util';

/**
 * The ReplicaSet controller (pkg/controller/replicaset) and, with the same
 * logic, the ReplicationController manager: keep spec.replicas pods, named
 * `<owner>-<5 chars>` by generateName. Surplus pods go first when they are
 * unscheduled, then not ready, then newest (controller.ActivePods ordering, simplified).
 */
export function reconcileReplicaSets(sim: Sim): void {
  for (const rs of [...sim.store.list('ReplicaSet'), ...sim.store.list('ReplicationController')]) {
    quiet.run(sim, rs, fingerprint(sim, rs), () => reconcile(sim, rs));
  }
}

const quiet = new QuietObjects();

/** What a sync reads: the ReplicaSet, its pods, and to create a pod the ServiceAccounts of its namespace and the room left in the store. */
const fingerprint = (sim: Sim, rs: KObject): string =>
  `${rs.metadata.resourceVersion}/${sim.store.ownedStamp(rs.metadata.uid)}/${sim.store.kindStamp('ServiceAccount', rs.metadata.namespace)}/${sim.store.size < sim.bounds.maxObjects}`;

function reconcile(sim: Sim, rs: KObject): void {
  const spec = dict(rs.spec);
  const want = sim.podBudget(rs, num(spec.replicas) ?? 1);
  const pods = ownedBy(sim, 'Pod', rs);
  const template = dict(spec.template);
  for (let i = pods.length; i < want; i++) {
    const pod = createControlledPod(sim, rs, podFromTemplate(rs, template, { generateName: `${rs.metadata.name}-` }));
    if (!pod) break; // the API server refused; the controller retries later with the same result
    pods.push(pod);
  }
  if (pods.length > want) {
    const rank = (p: KObject): number => (!dict(p.spec).nodeName ? 0 : !isPodReady(p) ? 1 : 2);
    const victims = [...pods].sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1)).slice(0, pods.length - want);
    for (const p of victims) {
      sim.store.delete(p);
      sim.store.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    }
  }
  // Without deletions the pods are those listed plus those created (only counted below, so their order does not matter).
  const live = pods.length > want ? ownedBy(sim, 'Pod', rs) : pods;
  const ready = live.filter(isPodReady).length;
  const selector = spec.selector;
  const labelled = rs.kind === 'ReplicaSet' ? live.filter((p) => matchesLabelSelector(selector, p.metadata.labels ?? {})).length : live.length;
  setStatus(sim, rs, {
    // minReadySeconds is not simulated: a ready pod counts as available at once.
    ...(ready ? { availableReplicas: ready } : {}),
    fullyLabeledReplicas: labelled,
    observedGeneration: rs.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    replicas: live.length,
  });
}
