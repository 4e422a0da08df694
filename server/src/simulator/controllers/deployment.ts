import type { Sim } from '../context';
import { computeHash } from '../hash';
import { clone, dict, num, ownerRef, stringMap, type Dict } from '../obj';
import { newObject } from '../store';
import type { KObject } from '../types';
import { QuietObjects } from './quiet';
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
  for (const d of sim.store.list('Deployment')) quiet.run(sim, d, fingerprint(sim, d), () => reconcile(sim, d));
}

const quiet = new QuietObjects();

/** What a reconcile reads: the Deployment and its ReplicaSets (Recreate also reads their pods: never skipped). */
const fingerprint = (sim: Sim, d: KObject): string | undefined =>
  dict(dict(d.spec).strategy).type === 'Recreate' ? undefined : `${d.metadata.resourceVersion}/${sim.store.ownedStamp(d.metadata.uid)}`;

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

  const specReplicas = (rs: KObject): number => num(dict(rs.spec).replicas) ?? 0;
  const activeOlds = olds.filter((rs) => specReplicas(rs) > 0);
  const total = (): number => all.reduce((n, rs) => n + specReplicas(rs), 0) + (newRS && !all.includes(newRS) ? specReplicas(newRS) : 0);
  const recreate = strategy.type === 'Recreate';

  if (recreate && activeOlds.length) {
    // rolloutRecreate: scale every old ReplicaSet to 0 and wait for its pods to go before the new one starts.
    for (const rs of activeOlds) scale(sim, d, rs, 0);
    return finish(sim, d, newRS, olds, replicas, maxUnavailable);
  }
  if (recreate && olds.some((rs) => ownedBy(sim, 'Pod', rs).length > 0)) return finish(sim, d, newRS, olds, replicas, maxUnavailable);

  const revision = Math.max(0, ...olds.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0))) + (newRS ? 0 : 1);
  if (!newRS) {
    // getNewReplicaSet with NewRSNewReplicas: Recreate starts at spec.replicas; RollingUpdate at what maxSurge leaves room for.
    const start = recreate ? replicas : Math.max(0, Math.min(replicas, replicas + maxSurge - total()));
    newRS = createReplicaSet(sim, d, template, hash, start, maxSurge, String(revision));
    // getNewReplicaSet: a new ReplicaSet is announced as "Scaled up replica set %s to %d".
    if (start > 0) sim.store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} to ${start}`);
  } else if (activeOlds.length === 0 || recreate) {
    // No rollout in progress: a scaling event, the new ReplicaSet goes straight to spec.replicas.
    if (specReplicas(newRS) !== replicas) scale(sim, d, newRS, replicas, maxSurge);
  } else if (specReplicas(newRS) > replicas) {
    scale(sim, d, newRS, replicas, maxSurge);
  } else {
    // rolloutRolling, reconcileNewReplicaSet: scale up within replicas + maxSurge.
    const room = replicas + maxSurge - total();
    const up = Math.min(room, replicas - specReplicas(newRS));
    if (up > 0) scale(sim, d, newRS, specReplicas(newRS) + up, maxSurge);
    else scaleDownOld(sim, d, newRS, activeOlds, all, replicas, maxUnavailable);
  }
  const rev = newRS.metadata.annotations?.[REVISION];
  if (rev && d.metadata.annotations?.[REVISION] !== rev) {
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: rev };
    sim.store.update(d);
  }
  finish(sim, d, newRS, olds, replicas, maxUnavailable);
}

function finish(sim: Sim, d: KObject, newRS: KObject | undefined, olds: KObject[], replicas: number, maxUnavailable: number): void {
  cleanup(sim, d, olds);
  if (newRS) updateStatus(sim, d, newRS, [newRS, ...olds], replicas, maxUnavailable);
}

/** scaleReplicaSet, with its event "Scaled up|down replica set %s to %d from %d". */
function scale(sim: Sim, d: KObject, rs: KObject, to: number, maxSurge?: number): void {
  const cur = num(dict(rs.spec).replicas) ?? 0;
  if (cur === to) return;
  dict(rs.spec).replicas = to;
  if (maxSurge !== undefined) {
    const replicas = num(dict(d.spec).replicas) ?? 1;
    rs.metadata.annotations = { ...rs.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge) };
  }
  sim.store.update(rs);
  sim.store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${cur < to ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${cur}`);
}

/**
 * reconcileOldReplicaSets + scaleDownOldReplicaSetsForRollingUpdate: old
 * ReplicaSets shrink, oldest first, only as far as keeps spec.replicas -
 * maxUnavailable pods available across all of them.
 */
function scaleDownOld(sim: Sim, d: KObject, newRS: KObject, olds: KObject[], all: KObject[], replicas: number, maxUnavailable: number): void {
  const specOf = (rs: KObject): number => num(dict(rs.spec).replicas) ?? 0;
  const availableOf = (rs: KObject): number => num(dict(rs.status).availableReplicas) ?? 0;
  const sets = all.includes(newRS) ? all : [...all, newRS];
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = specOf(newRS) - availableOf(newRS);
  const allPods = sets.reduce((n, rs) => n + specOf(rs), 0);
  if (allPods - minAvailable - newUnavailable <= 0) return;
  let budget = sets.reduce((n, rs) => n + availableOf(rs), 0) - minAvailable;
  const byAge = [...olds].sort((a, b) => sim.store.creationOrder([a, b])[0] === a ? -1 : 1);
  for (const rs of byAge) {
    if (budget <= 0) break;
    const down = Math.min(specOf(rs), budget);
    if (down <= 0) continue;
    scale(sim, d, rs, specOf(rs) - down);
    budget -= down;
  }
}

function createReplicaSet(sim: Sim, d: KObject, template: Dict, hash: string, replicas: number, maxSurge: number, revision: string): KObject {
  // The template's metadata gets the hash label; the rest is shared with the Deployment's template: nobody edits a stored
  // template (an apply replaces it), and the pods made from it copy what admission writes (podSpecFromTemplate).
  const tmeta = { ...dict(template.metadata) };
  tmeta.labels = { ...stringMap(tmeta.labels), 'pod-template-hash': hash };
  const t = { ...template, metadata: tmeta };
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
  // Built member by member (in this order) rather than with spreads: it is built on every sync of every Deployment.
  const status: Dict = {};
  if (available) status.availableReplicas = available;
  status.conditions = conditions;
  status.observedGeneration = d.metadata.generation ?? 1;
  const ready = sum('readyReplicas');
  if (ready) status.readyReplicas = ready;
  if (total) status.replicas = total;
  if (total - available > 0) status.unavailableReplicas = total - available;
  if (updated) status.updatedReplicas = updated;
  setStatus(sim, d, status);
}
