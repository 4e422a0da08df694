import type { Sim } from '../context';
import { sameJson } from '../hash';
import { controllerOf, dict, dicts, isDict, ownerRef, stringMap, type Dict } from '../obj';
import { createPod } from '../apiserver/pods';
import type { KObject } from '../types';
import { podSpecFromTemplate } from './podspec';

/** Writes a new status only when it differs, so the settle loop can tell when nothing changes. */
export function setStatus(sim: Sim, obj: KObject, next: Dict): void {
  if (sameJson(obj.status ?? {}, next)) return;
  obj.status = next;
  sim.store.update(obj);
}

/** Objects of `kind` whose controller owner is `owner` (metav1.IsControlledBy). */
export function ownedBy(sim: Sim, kind: string, owner: KObject): KObject[] {
  const { namespace, uid } = owner.metadata;
  // listOwned hands out a new array: filtered in place.
  const owned = sim.store.listOwned(kind, uid);
  let n = 0;
  for (const o of owned) if (o.metadata.namespace === namespace && controllerOf(o)?.uid === uid) owned[n++] = o;
  if (n !== owned.length) owned.length = n; // the length setter is a slow call, and almost never needed
  return owned;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  return dicts(dict(pod.status).conditions).some((c) => c.type === 'Ready' && c.status === 'True');
}

export const isRunning = (pod: KObject): boolean => dict(pod.status).phase === 'Running';

/**
 * controller.GetPodFromTemplate: a Pod with the template's labels, annotations
 * and spec, owned by the controller. `name` is fixed (StatefulSet) or left to
 * generateName (ReplicaSet, DaemonSet, Job: "<owner>-" plus 5 characters).
 */
export function podFromTemplate(owner: KObject, template: Dict, opts: { name?: string; generateName?: string; labels?: Record<string, string> }): KObject {
  const tmeta = dict(template.metadata);
  const labels = { ...stringMap(tmeta.labels), ...(opts.labels ?? {}) };
  const annotations = stringMap(tmeta.annotations);
  // Member by member, in the order the output shows, rather than with spreads: one per pod.
  const metadata = { name: opts.name ?? '' } as KObject['metadata'];
  if (opts.generateName) metadata.generateName = opts.generateName;
  metadata.namespace = owner.metadata.namespace;
  metadata.uid = '';
  metadata.resourceVersion = '';
  metadata.creationTimestamp = '';
  metadata.labels = labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  metadata.ownerReferences = [ownerRef(owner)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpecFromTemplate(dict(template.spec)) };
}

/**
 * Creates a controller's pod and records the controller's event: upstream's
 * SuccessfulCreate "Created pod: <name>" (controller.RealPodControl), or
 * FailedCreate "Error creating: <apiserver message>".
 */
export function createControlledPod(sim: Sim, owner: KObject, pod: KObject, createdMessage?: (name: string) => string): KObject | undefined {
  if (!sim.roomFor(owner)) return undefined;
  const res = createPod(sim, pod);
  if (res.error !== undefined) {
    sim.store.eventOnce(owner, 'Warning', 'FailedCreate', `Error creating: ${res.error}`);
    return undefined;
  }
  sim.store.event(owner, 'Normal', 'SuccessfulCreate', createdMessage ? createdMessage(res.object.metadata.name) : `Created pod: ${res.object.metadata.name}`);
  return res.object;
}

/**
 * intstr.GetScaledValueFromIntOrPercent: "25%" of `total`, rounded up or down
 * (a Deployment rounds maxSurge up and maxUnavailable down).
 */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (!m) return 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** A condition list entry, keeping lastTransitionTime while the status stays the same. */
export function condition(sim: Sim, previous: unknown, type: string, status: string, reason: string, message: string, withUpdateTime = false): Dict {
  let old: Dict | undefined;
  if (Array.isArray(previous)) for (const c of previous) if (isDict(c) && c.type === type) (old ??= c);
  const now = sim.store.now();
  const same = old && old.status === status && old.reason === reason && old.message === message;
  const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : now;
  // Two literals rather than a spread: controllers build these for every object on every sync.
  if (withUpdateTime) return { lastUpdateTime: same ? old?.lastUpdateTime : now, lastTransitionTime, message, reason, status, type };
  return { lastTransitionTime, message, reason, status, type };
}
