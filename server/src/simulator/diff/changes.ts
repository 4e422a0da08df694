import { canonicalJson } from '../hash';
import { dict, dicts, num, str } from '../obj';
import type { ApplyRecord, KObject, SimEvent, SimResult } from '../types';

/** An object named the way `kubectl get` names it. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** A changed object and the top-level fields (spec.x, metadata.labels, status…) whose values differ. */
export interface ObjectChange extends ObjectRef {
  fields: string[];
}

/** A Deployment whose pod template changed: the new ReplicaSet, the old ones and the pods replaced. */
export interface Rollout {
  namespace?: string;
  deployment: string;
  /** The ReplicaSet serving the current template after the change. */
  newReplicaSet: string;
  /** Older ReplicaSets kept after the change (scaled to 0, kept per revisionHistoryLimit). */
  oldReplicaSets: { name: string; replicas: number }[];
  /** ReplicaSets the controller deleted (beyond revisionHistoryLimit). */
  deletedReplicaSets: string[];
  podsCreated: string[];
  podsDeleted: string[];
}

/** A Service whose ready endpoints changed (`ip:port`, sorted). */
export interface EndpointsChange {
  namespace?: string;
  service: string;
  before: string[];
  after: string[];
}

/**
 * What applying a new version changed, compared with the settled cluster of
 * the old one. JSON-friendly and pure: the CLI prints it (`simulate NEW
 * --from OLD`), and an editor can compute it between two simulations.
 */
export interface SimChanges {
  /** The second apply's lines: created / configured / unchanged / rejected. */
  apply: ApplyRecord[];
  /** The second apply's rejections (what would now be refused). */
  rejected: ApplyRecord[];
  added: ObjectRef[];
  removed: ObjectRef[];
  changed: ObjectChange[];
  rollouts: Rollout[];
  endpoints: EndpointsChange[];
  /** Events recorded after the old version settled. */
  events: SimEvent[];
}

/** Fields the API server rewrites on every write; a change only there is not a change the user made. */
const NOISE = new Set(['metadata.resourceVersion', 'metadata.managedFields']);

const refKey = (o: ObjectRef): string => `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`;
const refOf = (o: KObject): ObjectRef => ({ kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name });

/**
 * The change report between a settled simulation `before` and the settled
 * simulation `after` (the same cluster after the second apply, or any later
 * simulation of the same workspace). `secondApply` is the apply of the new
 * version; events are those `after` has beyond `before`'s.
 */
export function diffSimulations(before: SimResult, after: SimResult, secondApply: ApplyRecord[] = after.apply): SimChanges {
  const old = new Map(before.objects.map((o) => [refKey(refOf(o)), o]));
  const now = new Map(after.objects.map((o) => [refKey(refOf(o)), o]));
  const added: ObjectRef[] = [];
  const removed: ObjectRef[] = [];
  const changed: ObjectChange[] = [];
  for (const [k, o] of now) {
    const prev = old.get(k);
    if (!prev) added.push(refOf(o));
    else {
      const fields = changedFields(prev, o);
      if (fields.length) changed.push({ ...refOf(o), fields });
    }
  }
  for (const [k, o] of old) if (!now.has(k)) removed.push(refOf(o));
  const sameStart = before.events.every((e, i) => canonicalJson(e) === canonicalJson(after.events[i]));
  return {
    apply: secondApply,
    rejected: secondApply.filter((a) => a.result === 'rejected'),
    added,
    removed,
    changed,
    rollouts: rollouts(before.objects, after.objects),
    endpoints: endpointChanges(before.objects, after.objects),
    events: sameStart ? after.events.slice(before.events.length) : after.events,
  };
}

/** Top-level paths (two levels deep under spec, status and metadata) whose values differ. */
function changedFields(a: KObject, b: KObject): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of [...keys].sort()) {
    const av = (a as Record<string, unknown>)[k];
    const bv = (b as Record<string, unknown>)[k];
    if (canonicalJson(av) === canonicalJson(bv)) continue;
    if (k === 'spec' || k === 'status' || k === 'metadata') {
      const ad = dict(av);
      const bd = dict(bv);
      for (const f of [...new Set([...Object.keys(ad), ...Object.keys(bd)])].sort()) {
        const path = `${k}.${f}`;
        if (!NOISE.has(path) && canonicalJson(ad[f]) !== canonicalJson(bd[f])) out.push(path);
      }
    } else out.push(k);
  }
  return out;
}

const owned = (objects: readonly KObject[], kind: string, owner: KObject): KObject[] =>
  objects.filter((o) => o.kind === kind && o.metadata.namespace === owner.metadata.namespace && o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));

function rollouts(before: readonly KObject[], after: readonly KObject[]): Rollout[] {
  const out: Rollout[] = [];
  for (const d of after.filter((o) => o.kind === 'Deployment')) {
    const prev = before.find((o) => o.kind === 'Deployment' && o.metadata.namespace === d.metadata.namespace && o.metadata.name === d.metadata.name);
    if (!prev) continue;
    const rsBefore = owned(before, 'ReplicaSet', prev);
    const rsAfter = owned(after, 'ReplicaSet', d);
    const hash = (rs: KObject): string | undefined => rs.metadata.labels?.['pod-template-hash'];
    const revision = (rs: KObject): number => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const current = [...rsAfter].sort((a, b) => revision(b) - revision(a))[0];
    if (!current || rsBefore.some((rs) => hash(rs) === hash(current) && revision(rs) === revision(current))) continue;
    const podNames = (objs: readonly KObject[], sets: KObject[]): Set<string> => new Set(sets.flatMap((rs) => owned(objs, 'Pod', rs).map((p) => p.metadata.name)));
    const podsBefore = podNames(before, rsBefore);
    const podsAfter = podNames(after, rsAfter);
    out.push({
      ...(d.metadata.namespace ? { namespace: d.metadata.namespace } : {}),
      deployment: d.metadata.name,
      newReplicaSet: current.metadata.name,
      oldReplicaSets: rsAfter.filter((rs) => rs !== current).map((rs) => ({ name: rs.metadata.name, replicas: num(dict(rs.spec).replicas) ?? 0 })),
      deletedReplicaSets: rsBefore.filter((rs) => !rsAfter.some((x) => x.metadata.name === rs.metadata.name)).map((rs) => rs.metadata.name),
      podsCreated: [...podsAfter].filter((p) => !podsBefore.has(p)).sort(),
      podsDeleted: [...podsBefore].filter((p) => !podsAfter.has(p)).sort(),
    });
  }
  return out;
}

function readyEndpoints(ep: KObject | undefined): string[] {
  const out: string[] = [];
  for (const s of dicts(ep?.subsets)) for (const a of dicts(s.addresses)) for (const p of dicts(s.ports)) out.push(`${str(a.ip) ?? ''}:${num(p.port) ?? ''}`);
  return out.sort();
}

function endpointChanges(before: readonly KObject[], after: readonly KObject[]): EndpointsChange[] {
  const eps = (objs: readonly KObject[]): Map<string, KObject> => new Map(objs.filter((o) => o.kind === 'Endpoints').map((o) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]));
  const a = eps(before);
  const b = eps(after);
  const out: EndpointsChange[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = readyEndpoints(a.get(k));
    const y = readyEndpoints(b.get(k));
    if (canonicalJson(x) === canonicalJson(y)) continue;
    const [namespace, service] = k.split('/');
    out.push({ ...(namespace ? { namespace } : {}), service, before: x, after: y });
  }
  return out;
}
