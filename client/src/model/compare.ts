import type { ApplyRecord, ObjRef, Rollout, SimChanges } from '../protocol';
import { label, refKey } from './objects';

/** Fields every write or every controller pass touches; listing them would hide what the user changed. */
const BOOKKEEPING = /^(status(\.|$)|metadata\.(generation|resourceVersion|managedFields|annotations)$)/;

/**
 * The simulator's change report of a re-apply as a Markdown change list for
 * a read-only editor tab: what `kubectl apply` answers, rejections, Deployment
 * rollouts (new ReplicaSet, old ones kept, pods replaced), Services whose
 * endpoints change, what else the cluster's controllers changed, and the
 * Warning events the re-apply raised.
 */
export function changesMarkdown(title: string, c: SimChanges): string {
  const out = [`# ${text(title)}`, '', applySummary(c.apply), ''];
  const covered = new Set<string>(c.apply.map(refKey));
  section(out, 'Rejected by the API server', c.rejected.map((a) => `- ${name(a)}: ${text(a.message)}`));
  section(out, 'Rollouts', c.rollouts.flatMap((r) => rollout(r, covered)));
  section(out, 'Endpoints changed', c.endpoints.map((e) => {
    covered.add(refKey({ kind: 'Endpoints', namespace: e.namespace, name: e.service }));
    // An EndpointSlice is named after its Service plus a generated suffix.
    covered.add(refKey({ kind: 'EndpointSlice', namespace: e.namespace, name: e.service + '-*' }));
    return endpoints(e);
  }));
  section(out, 'Applied', applied(c));
  section(out, 'Also changed in the cluster', others(c, covered));
  const warnings = c.events.filter((e) => e.type === 'Warning');
  section(out, 'New warnings', warnings.map((e) => `- ${name(e.involvedObject)} **${text(e.reason)}**: ${text(e.message)}`));
  if (!c.rollouts.length && !c.endpoints.length && !c.added.length && !c.removed.length && !changedByUser(c).length && !c.rejected.length) {
    out.push('Nothing changes: re-applying leaves the simulated cluster as it is.', '');
  }
  return out.join('\n');
}

function applySummary(apply: readonly ApplyRecord[]): string {
  if (apply.length === 0) return 'kubectl apply: no objects.';
  const counts = new Map<string, number>();
  for (const a of apply) counts.set(a.result, (counts.get(a.result) ?? 0) + 1);
  const order = ['created', 'configured', 'unchanged', 'rejected'];
  return `kubectl apply: ${order.filter((r) => counts.has(r)).map((r) => `${counts.get(r)} ${r}`).join(', ')}.`;
}

function rollout(r: Rollout, covered: Set<string>): string[] {
  const ns = r.namespace;
  covered.add(refKey({ kind: 'ReplicaSet', namespace: ns, name: r.newReplicaSet }));
  for (const rs of [...r.oldReplicaSets.map((o) => o.name), ...r.deletedReplicaSets]) covered.add(refKey({ kind: 'ReplicaSet', namespace: ns, name: rs }));
  for (const p of [...r.podsCreated, ...r.podsDeleted]) covered.add(refKey({ kind: 'Pod', namespace: ns, name: p }));
  const lines = [`### ${name({ kind: 'Deployment', namespace: ns, name: r.deployment })}`, '', `- New ReplicaSet ${code(r.newReplicaSet)}.`];
  if (r.oldReplicaSets.length) lines.push(`- Old ReplicaSets kept: ${r.oldReplicaSets.map((o) => `${code(o.name)} (${o.replicas} replica${o.replicas === 1 ? '' : 's'})`).join(', ')}.`);
  if (r.deletedReplicaSets.length) lines.push(`- ReplicaSets deleted (beyond revisionHistoryLimit): ${list(r.deletedReplicaSets)}.`);
  const replaced = Math.min(r.podsCreated.length, r.podsDeleted.length);
  lines.push(`- ${replaced} pod${replaced === 1 ? '' : 's'} replaced: ${r.podsDeleted.length} deleted (${list(r.podsDeleted)}), ${r.podsCreated.length} created (${list(r.podsCreated)}).`, '');
  return lines;
}

function endpoints(e: SimChanges['endpoints'][number]): string {
  const gone = e.before.filter((x) => !e.after.includes(x));
  const come = e.after.filter((x) => !e.before.includes(x));
  const parts = [`${e.before.length} → ${e.after.length} ready endpoints`];
  if (gone.length) parts.push(`removed ${list(gone)}`);
  if (come.length) parts.push(`added ${list(come)}`);
  return `- ${name({ kind: 'Service', namespace: e.namespace, name: e.service })}: ${parts.join('; ')}`;
}

/** The objects of the manifests, by what the apply did, with the fields a configured one changed. */
function applied(c: SimChanges): string[] {
  const fields = new Map(changedByUser(c).map((o) => [refKey(o), o.fields]));
  const lines: string[] = [];
  for (const result of ['created', 'configured', 'unchanged'] as const) {
    const objs = c.apply.filter((a) => a.result === result);
    if (!objs.length) continue;
    if (result === 'unchanged') {
      lines.push(`- Unchanged (${objs.length}): ${objs.map(name).join(', ')}`);
      continue;
    }
    for (const a of objs) {
      const f = fields.get(refKey(a));
      lines.push(`- ${result === 'created' ? 'Created' : 'Configured'}: ${name(a)}${f?.length ? ` (${f.map(code).join(', ')} changed)` : ''}`);
    }
  }
  return lines;
}

/** What the controllers did beyond the rollouts and endpoints above: pods of other workloads, claims bound, jobs run. */
function others(c: SimChanges, covered: Set<string>): string[] {
  const byKind = new Map<string, { created: string[]; deleted: string[]; changed: string[] }>();
  const add = (o: ObjRef, how: 'created' | 'deleted' | 'changed'): void => {
    if (covered.has(refKey(o)) || (o.kind === 'EndpointSlice' && covered.has(refKey({ ...o, name: o.name.replace(/-[a-z0-9]{5}$/, '-*') })))) return;
    const entry = byKind.get(o.kind) ?? { created: [], deleted: [], changed: [] };
    entry[how].push(o.name);
    byKind.set(o.kind, entry);
  };
  for (const o of c.added) add(o, 'created');
  for (const o of c.removed) add(o, 'deleted');
  for (const o of changedByUser(c)) add(o, 'changed');
  return [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, e]) => {
    const parts = (['created', 'deleted', 'changed'] as const).filter((h) => e[h].length).map((h) => `${e[h].length} ${h} (${list(e[h])})`);
    return `- ${kind}: ${parts.join(', ')}`;
  });
}

/** Changed objects with only the fields that say something, dropping those whose only change is bookkeeping. */
function changedByUser(c: SimChanges): SimChanges['changed'] {
  return c.changed.map((o) => ({ ...o, fields: o.fields.filter((f) => !BOOKKEEPING.test(f)) })).filter((o) => o.fields.length);
}

function section(out: string[], heading: string, lines: string[]): void {
  if (!lines.length) return;
  out.push(`## ${heading}`, '', ...lines);
  if (out[out.length - 1] !== '') out.push('');
}

/** At most this many names in a list; the rest are counted. */
const LIST_MAX = 10;

function list(names: readonly string[]): string {
  if (!names.length) return 'none';
  const shown = names.slice(0, LIST_MAX).map(code).join(', ');
  return names.length > LIST_MAX ? `${shown} and ${names.length - LIST_MAX} more` : shown;
}

const name = (r: ObjRef): string => code(label(r)) + (r.namespace && r.namespace !== 'default' ? ` in ${code(r.namespace)}` : '');

/** Inline code that its own content cannot close. */
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

/** Free text (API server messages, event messages) with Markdown's special characters escaped. */
const text = (s: string): string => s.replace(/[\\`*_[\]<>#|~]/g, (ch) => '\\' + ch).replace(/\n/g, ' ');
