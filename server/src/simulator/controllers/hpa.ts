import type { Sim } from '../context';
import { dict, num, str } from '../obj';
import type { KObject } from '../types';
import { setStatus } from './util';

/** Kinds whose scale subresource the simulator knows: spec.replicas, status.replicas. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler,
 * reconcileAutoscaler), without metrics: the simulated cluster runs no
 * metrics server, so only its first rules apply: a target scaled to 0 is left
 * alone (scaling disabled), above maxReplicas it is scaled down to it, below
 * minReplicas (default 1) up to it, each with a SuccessfulRescale event
 * "New size: N; reason: …". Within the bounds the replica count stays as written.
 */
export function reconcileHorizontalPodAutoscalers(sim: Sim): void {
  for (const hpa of sim.store.list('HorizontalPodAutoscaler')) reconcile(sim, hpa);
}

function reconcile(sim: Sim, hpa: KObject): void {
  const spec = dict(hpa.spec);
  const ref = dict(spec.scaleTargetRef);
  const kind = str(ref.kind) ?? '';
  const target = SCALABLE.has(kind) ? sim.store.get(kind, hpa.metadata.namespace, str(ref.name) ?? '') : undefined;
  if (!target) {
    // FailedGetScale: the controller cannot read the target's scale subresource.
    sim.store.eventOnce(hpa, 'Warning', 'FailedGetScale', `${kind.toLowerCase()}s${kindGroup(kind)} "${str(ref.name) ?? ''}" not found`);
    return;
  }
  const tspec = dict(target.spec);
  const current = num(tspec.replicas) ?? 1;
  const min = num(spec.minReplicas) ?? 1;
  const max = num(spec.maxReplicas) ?? current;
  let desired = current;
  let reason: string | undefined;
  if (current === 0 && min !== 0) desired = 0;
  else if (current > max) [desired, reason] = [max, 'Current number of replicas above Spec.MaxReplicas'];
  else if (current < min) [desired, reason] = [min, 'Current number of replicas below Spec.MinReplicas'];
  const previous = dict(hpa.status);
  let lastScaleTime = str(previous.lastScaleTime);
  if (reason && desired !== current) {
    tspec.replicas = desired;
    target.metadata.generation = (target.metadata.generation ?? 1) + 1;
    sim.store.update(target);
    sim.store.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
    lastScaleTime = sim.store.now();
  }
  setStatus(sim, hpa, {
    currentMetrics: null,
    currentReplicas: num(dict(target.status).replicas) ?? 0,
    desiredReplicas: desired,
    ...(lastScaleTime ? { lastScaleTime } : {}),
  });
}

const kindGroup = (kind: string): string => (kind === 'ReplicationController' || kind === '' ? '' : '.apps');
