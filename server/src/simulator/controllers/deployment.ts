import type { Sim } from '../context';
import { computeHash } from '../hash';
import { clone, dict, num, ownerRef, stringMap, type Dict } from '../obj';
import { newObject } from '../store';
import type { KObject } from '../types';
import { condition, ownedBy, scaledValue, setStatus } from './util';

const REVISION = 'deployment.kubernetes.io/revision';

/**
 * The Deployment controller (pkg/controller/deployment), reduced to its
 * settled outcome: the ReplicaSet for the current pod template is named
 * `<deployment>-<pod-template-hash>` and scaled to spec.replicas; older ones
 * are scaled to 0 and kept up to revisionHistoryLimit. A rollout's
 * intermediate surge steps are not replayed, only their end state.
 */
export function reconcileDeployments(sim: Sim): void {
  for (const d of sim.store.list('Deployment')) reconcile(sim, d);
}

function reconcile(sim: Sim, d: KObject): void {
  const spec = dict(d.spec);
  const replicas = num(spec.replicas) ?? 1;
  const template = dict(spec.template);
  const hash = computeHash(template, num(dict(d.status).collisionCount));
  const all = ownedBy(sim, 'ReplicaSet', d);
  let newRS = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const olds = all.filter((rs) => rs !== newRS);
  const strategy = dict(spec.strategy);
  const ru = dict(strategy.rollingUpdate);
  const maxSurge = strategy.type === 'Recreate' ? 0 : scaledValue(ru.maxSurge ?? '25%', replicas, true);
  const maxUnavailable = strategy.type === 'Recreate' ? replicas : scaledValue(ru.maxUnavailable ?? '25%', replicas, false);

  // Older ReplicaSets go to 0 (rolloutRolling / rolloutRecreate end state).
  for (const rs of olds) {
    const cur = num(dict(rs.spec).replicas) ?? 0;
    if (cur === 0) continue;
    dict(rs.spec).replicas = 0;
    sim.store.update(rs);
    // scaleReplicaSet: "Scaled %s replica set %s to %d from %d"
    sim.store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${rs.metadata.name} to 0 from ${cur}`);
  }

  const revision = Math.max(0, ...olds.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0))) + (newRS ? 0 : 1);
  if (!newRS) {
    newRS = createReplicaSet(sim, d, template, hash, replicas, maxSurge, String(revision));
    // getNewReplicaSet: a new ReplicaSet is announced as "Scaled up replica set %s to %d".
    if (replicas > 0) sim.store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} to ${replicas}`);
  } else {
    const cur = num(dict(newRS.spec).replicas) ?? 0;
    if (cur !== replicas) {
      dict(newRS.spec).replicas = replicas;
      newRS.metadata.annotations = { ...newRS.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge) };
      sim.store.update(newRS);
      sim.store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${cur < replicas ? 'up' : 'down'} replica set ${newRS.metadata.name} to ${replicas} from ${cur}`);
    }
  }
  const rev = newRS.metadata.annotations?.[REVISION];
  if (rev && d.metadata.annotations?.[REVISION] !== rev) {
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: rev };
    sim.store.update(d);
  }
  cleanup(sim, d, olds);
  updateStatus(sim, d, newRS, [newRS, ...olds], replicas, maxUnavailable);
}

function createReplicaSet(sim: Sim, d: KObject, template: Dict, hash: string, replicas: number, maxSurge: number, revision: string): KObject {
  const t = clone(template);
  const tmeta = dict(t.metadata);
  tmeta.labels = { ...stringMap(tmeta.labels), 'pod-template-hash': hash };
  t.metadata = tmeta;
  const selector = clone(dict(dict(d.spec).selector));
  selector.matchLabels = { ...stringMap(selector.matchLabels), 'pod-template-hash': hash };
  return sim.store.create(
    newObject('apps/v1', 'ReplicaSet', {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      generation: 1,
      labels: { ...stringMap(tmeta.labels) },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge), [REVISION]: revision },
      ownerReferences: [ownerRef(d)],
    }, { spec: { replicas, selector, template: t }, status: { replicas: 0 } }),
  );
}

/** cleanupDeployment: old ReplicaSets with no pods beyond revisionHistoryLimit are deleted, oldest first. */
function cleanup(sim: Sim, d: KObject, olds: KObject[]): void {
  const limit = num(dict(d.spec).revisionHistoryLimit) ?? 10;
  const idle = olds.filter((rs) => (num(dict(rs.spec).replicas) ?? 0) === 0 && (num(dict(rs.status).replicas) ?? 0) === 0);
  idle.sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) sim.store.delete(rs);
}

function updateStatus(sim: Sim, d: KObject, newRS: KObject, all: KObject[], replicas: number, maxUnavailable: number): void {
  const sum = (f: string): number => all.reduce((n, rs) => n + (num(dict(rs.status)[f]) ?? 0), 0);
  const available = sum('availableReplicas');
  const total = sum('replicas');
  const updated = num(dict(newRS.status).replicas) ?? 0;
  const prev = dict(d.status).conditions;
  const minAvailable = available >= replicas - maxUnavailable;
  const complete = updated === replicas && available === replicas && total === replicas;
  // The condition wording of pkg/controller/deployment/util (MinimumReplicasAvailable, NewReplicaSetAvailable, ReplicaSetUpdated).
  const conditions = [
    minAvailable
      ? condition(sim, prev, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', true)
      : condition(sim, prev, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', true),
    complete
      ? condition(sim, prev, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`, true)
      : condition(sim, prev, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`, true),
  ];
  const status: Dict = {
    ...(available ? { availableReplicas: available } : {}),
    conditions,
    observedGeneration: d.metadata.generation ?? 1,
    ...(sum('readyReplicas') ? { readyReplicas: sum('readyReplicas') } : {}),
    ...(total ? { replicas: total } : {}),
    ...(total - available > 0 ? { unavailableReplicas: total - available } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
  };
  setStatus(sim, d, status);
}
