import type { SimChanges } from '../diff/changes';
import { table } from './table';

const ns = (n: string | undefined): string => n ?? '';
const ref = (o: { kind: string; name: string }): string => `${o.kind.toLowerCase()}/${o.name}`;

/** The CLI's report of a re-apply: the apply lines, then what changed in the cluster. */
export function formatChanges(c: SimChanges): string {
  const out: string[] = [];
  const ok = c.apply.filter((a) => a.result !== 'rejected').map((a) => a.message);
  const bad = c.rejected.map((a) => a.message);
  out.push([...ok, ...bad].join('\n') + '\n');
  if (c.rollouts.length) {
    const lines = c.rollouts.map((r) => {
      const olds = r.oldReplicaSets.map((o) => `${o.name} (${o.replicas})`).join(', ') || '<none>';
      return `deployment ${ns(r.namespace)}/${r.deployment}: new replica set ${r.newReplicaSet}; old replica sets ${olds}${r.deletedReplicaSets.length ? `; deleted ${r.deletedReplicaSets.join(', ')}` : ''}\n  pods created: ${r.podsCreated.join(', ') || '<none>'}\n  pods deleted: ${r.podsDeleted.join(', ') || '<none>'}`;
    });
    out.push('ROLLOUTS\n' + lines.join('\n') + '\n');
  }
  if (c.endpoints.length) {
    out.push(table(['NAMESPACE', 'SERVICE', 'ENDPOINTS BEFORE', 'ENDPOINTS AFTER'], c.endpoints.map((e) => [ns(e.namespace), `service/${e.service}`, e.before.join(',') || '<none>', e.after.join(',') || '<none>'])));
  }
  const rows = [
    ...c.added.map((o) => [ns(o.namespace), 'added', ref(o), '']),
    ...c.removed.map((o) => [ns(o.namespace), 'removed', ref(o), '']),
    ...c.changed.map((o) => [ns(o.namespace), 'changed', ref(o), o.fields.join(',')]),
  ];
  if (rows.length) out.push(table(['NAMESPACE', 'CHANGE', 'OBJECT', 'FIELDS'], rows));
  else out.push('no objects changed\n');
  const warnings = c.events.filter((e) => e.type === 'Warning');
  if (warnings.length) out.push(table(['NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], warnings.map((e) => [ns(e.involvedObject.namespace), e.type, e.reason, ref(e.involvedObject), e.message])));
  return out.join('\n');
}
