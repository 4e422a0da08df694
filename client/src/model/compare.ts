import type { KObj, ObjRef, SimulationResult } from '../protocol';
import { dict, dicts, num, str } from './json';
import { label, podProblem, refKey, refOf, ResultIndex } from './objects';

export type ChangeKind = 'added' | 'removed' | 'rejected' | 'accepted' | 'configured' | 'scaled' | 'rollout' | 'pods' | 'endpoints' | 'claim';

export interface Change {
  kind: ChangeKind;
  object: string;
  text: string;
}

/** Fields the cluster writes; a difference there is not a change the user made. */
const SERVER_FIELDS = new Set(['status', 'metadata']);

/**
 * What re-applying NEW over OLD would change, from two simulations: objects
 * added and dropped, objects whose manifest changed (and which fields),
 * rollouts (a new pod template: a new ReplicaSet, or new revisions of
 * StatefulSet/DaemonSet pods, and how many pods get replaced), scaling,
 * pods that start or stop running, Services whose endpoints change, and
 * claims whose binding changes. Pod names and IPs differ between any two
 * runs, so pods are compared by workload and template, never by name.
 */
export function compareResults(before: SimulationResult, after: SimulationResult): Change[] {
  const a = new ResultIndex(before);
  const b = new ResultIndex(after);
  const out: Change[] = [];
  const applied = (r: SimulationResult): Map<string, (typeof r.apply)[number]> => new Map(r.apply.map((x) => [refKey(x), x]));
  const oldApply = applied(before);
  const newApply = applied(after);
  for (const [key, rec] of newApply) {
    const old = oldApply.get(key);
    const ref: ObjRef = { kind: rec.kind, namespace: rec.namespace, name: rec.name };
    if (!old) {
      out.push({ kind: 'added', object: label(ref), text: rec.result === 'rejected' ? `new, and rejected: ${rec.message}` : 'new: kubectl apply creates it' });
      continue;
    }
    if (old.result !== 'rejected' && rec.result === 'rejected') out.push({ kind: 'rejected', object: label(ref), text: `now rejected: ${rec.message}` });
    else if (old.result === 'rejected' && rec.result !== 'rejected') out.push({ kind: 'accepted', object: label(ref), text: 'now accepted by the API server' });
    const x = a.get(ref);
    const y = b.get(ref);
    if (x && y) out.push(...objectChanges(a, b, x, y));
  }
  for (const [key, rec] of oldApply) {
    if (!newApply.has(key)) out.push({ kind: 'removed', object: label(rec), text: 'no longer in the manifests; kubectl apply without --prune leaves it in the cluster' });
  }
  return out;
}

function objectChanges(a: ResultIndex, b: ResultIndex, x: KObj, y: KObj): Change[] {
  const object = label(refOf(x));
  const out: Change[] = [];
  const fields = changedFields(x, y);
  if (fields.length) out.push({ kind: 'configured', object, text: `configured: ${fields.join(', ')} changed` });
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(x.kind)) out.push(...workloadChanges(a, b, x, y, object));
  if (x.kind === 'Service') {
    const before = endpointSummary(a, x);
    const after = endpointSummary(b, y);
    if (before.count !== after.count || before.owners !== after.owners) {
      out.push({ kind: 'endpoints', object, text: `endpoints ${before.count} → ${after.count}${before.owners !== after.owners ? ` (pods of ${after.owners || 'nothing'}, was ${before.owners || 'nothing'})` : ''}` });
    }
  }
  if (x.kind === 'PersistentVolumeClaim') {
    const p = (o: KObj): string => str(dict(o.status).phase) ?? 'Pending';
    if (p(x) !== p(y)) out.push({ kind: 'claim', object, text: `${p(x)} → ${p(y)}` });
  }
  return out;
}

function workloadChanges(a: ResultIndex, b: ResultIndex, x: KObj, y: KObj, object: string): Change[] {
  const out: Change[] = [];
  const replicas = (o: KObj): number | undefined => num(dict(o.spec).replicas);
  if (replicas(x) !== replicas(y) && x.kind !== 'DaemonSet') out.push({ kind: 'scaled', object, text: `scales ${replicas(x) ?? 1} → ${replicas(y) ?? 1} replicas` });
  const oldPods = podsOf(a, x);
  const newPods = podsOf(b, y);
  const revisions = (pods: KObj[]): string => [...new Set(pods.map(revisionOf))].sort().join(',');
  if (oldPods.length && newPods.length && revisions(oldPods) !== revisions(newPods)) {
    const via = x.kind === 'Deployment' ? `new ReplicaSet ${newReplicaSet(b, y) ?? '?'} replaces ${newReplicaSet(a, x) ?? '?'}` : 'pods are recreated with the new template';
    out.push({ kind: 'rollout', object, text: `rolls out: ${via}; ${oldPods.length} pod${oldPods.length === 1 ? '' : 's'} replaced` });
  }
  const running = (pods: KObj[]): number => pods.filter((p) => !podProblem(p)).length;
  if (running(oldPods) !== running(newPods) || oldPods.length !== newPods.length) {
    const stuck = newPods.map(podProblem).find((p) => p);
    out.push({ kind: 'pods', object, text: `running pods ${running(oldPods)}/${oldPods.length} → ${running(newPods)}/${newPods.length}${stuck ? ` (${stuck.reason}${stuck.message ? `: ${stuck.message}` : ''})` : ''}` });
  }
  return out;
}

function podsOf(ix: ResultIndex, w: KObj): KObj[] {
  return w.kind === 'Deployment' ? ix.ownedBy(w, 'ReplicaSet').flatMap((rs) => ix.ownedBy(rs, 'Pod')) : ix.ownedBy(w, 'Pod');
}

/** The pod template a pod was made from: pod-template-hash for ReplicaSets, controller-revision-hash for StatefulSets and DaemonSets. */
function revisionOf(p: KObj): string {
  const l = p.metadata.labels ?? {};
  return l['pod-template-hash'] ?? l['controller-revision-hash'] ?? '';
}

function newReplicaSet(ix: ResultIndex, d: KObj): string | undefined {
  return ix.ownedBy(d, 'ReplicaSet').find((rs) => (num(dict(rs.spec).replicas) ?? 0) > 0)?.metadata.name ?? ix.ownedBy(d, 'ReplicaSet')[0]?.metadata.name;
}

function endpointSummary(ix: ResultIndex, svc: KObj): { count: number; owners: string } {
  const ep = ix.get({ kind: 'Endpoints', namespace: svc.metadata.namespace, name: svc.metadata.name });
  let count = 0;
  const owners = new Set<string>();
  for (const s of dicts(ep?.subsets)) {
    for (const addr of dicts(s.addresses)) {
      count += Math.max(1, dicts(s.ports).length);
      const pod = ix.get({ kind: 'Pod', namespace: svc.metadata.namespace, name: str(dict(addr.targetRef).name) ?? '' });
      if (pod) owners.add(label(refOf(ix.root(pod))));
    }
  }
  return { count, owners: [...owners].sort().join(', ') };
}

/** Top-level fields (and spec's fields one level down) whose values differ, ignoring what the cluster writes. */
function changedFields(x: KObj, y: KObj): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of [...keys].sort()) {
    if (SERVER_FIELDS.has(k)) continue;
    if (k === 'spec') {
      const sx = dict(x.spec);
      const sy = dict(y.spec);
      for (const f of [...new Set([...Object.keys(sx), ...Object.keys(sy)])].sort()) {
        // Allocated by the cluster on each run (ClusterIPs, bound volume names).
        if (['clusterIP', 'clusterIPs', 'volumeName'].includes(f)) continue;
        if (JSON.stringify(sx[f]) !== JSON.stringify(sy[f])) out.push(`spec.${f}`);
      }
    } else if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(k);
  }
  const labels = (o: KObj): string => JSON.stringify(o.metadata.labels ?? {});
  if (labels(x) !== labels(y)) out.push('metadata.labels');
  return out;
}

/** The change list as Markdown, grouped by object, for a read-only editor tab. */
export function changesMarkdown(title: string, changes: readonly Change[]): string {
  if (changes.length === 0) return `# ${title}\n\nNo changes: re-applying would leave the simulated cluster as it is.\n`;
  const lines = [`# ${title}`, '', `${changes.length} change${changes.length === 1 ? '' : 's'}.`, ''];
  const byObject = new Map<string, Change[]>();
  for (const c of changes) byObject.set(c.object, [...(byObject.get(c.object) ?? []), c]);
  for (const [object, list] of byObject) {
    lines.push(`## ${object}`, '');
    for (const c of list) lines.push(`- **${c.kind}**: ${c.text}`);
    lines.push('');
  }
  return lines.join('\n');
}
