import { dict, dicts, list, str } from '../obj';
import type { KObject, SimResult } from '../types';
import { cronJobNextRun } from '../controllers/cronjob';
import { timestamp } from '../random';
import { ingressRoutes } from './ingress';
import { objectLookup } from './lookup';
import { table } from './table';

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * The CLI's text report: kubectl's apply lines (successes, then the errors,
 * as kubectl prints them), `kubectl get`-style tables of what the cluster
 * made, then the Warning events. System namespaces are left out of the tables.
 */
export function formatText(result: SimResult): string {
  const out: string[] = [];
  const ok = result.apply.filter((a) => a.result !== 'rejected').map((a) => a.message);
  const bad = result.apply.filter((a) => a.result === 'rejected').map((a) => a.message);
  out.push([...ok, ...bad].join('\n') + '\n');
  const objs = (kind: string): KObject[] => result.objects.filter((o) => o.kind === kind && !SYSTEM.has(o.metadata.namespace ?? ''));
  const ns = (o: KObject): string => o.metadata.namespace ?? '';

  const pods = objs('Pod');
  if (pods.length) {
    out.push(table(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'IP', 'NODE'], pods.map((p) => {
      const cs = dicts(dict(p.status).containerStatuses);
      const total = dicts(dict(p.spec).containers).length;
      return [ns(p), `pod/${p.metadata.name}`, `${cs.filter((c) => c.ready === true).length}/${total}`, podStatus(p), '0', str(dict(p.status).podIP) ?? '<none>', str(dict(p.spec).nodeName) ?? '<none>'];
    })));
  }
  const rss = objs('ReplicaSet');
  if (rss.length) {
    out.push(table(['NAMESPACE', 'NAME', 'DESIRED', 'CURRENT', 'READY'], rss.map((r) => [ns(r), `replicaset.apps/${r.metadata.name}`, String(dict(r.spec).replicas ?? 0), String(dict(r.status).replicas ?? 0), String(dict(r.status).readyReplicas ?? 0)])));
  }
  const services = objs('Service');
  const find = objectLookup(result.objects);
  if (services.length) {
    out.push(table(['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'ENDPOINTS'], services.map((s) => {
      const spec = dict(s.spec);
      const ports = dicts(spec.ports).map((p) => `${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>';
      const type = str(spec.type) ?? 'ClusterIP';
      const external = type === 'LoadBalancer' ? '<pending>' : type === 'ExternalName' ? (str(spec.externalName) ?? '<none>') : '<none>';
      return [ns(s), `service/${s.metadata.name}`, type, str(spec.clusterIP) ?? '<none>', external, ports, endpointsText(find('Endpoints', s.metadata.namespace, s.metadata.name))];
    })));
  }
  const pvcs = objs('PersistentVolumeClaim');
  if (pvcs.length) {
    out.push(table(['NAMESPACE', 'NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS'], pvcs.map((c) => {
      const st = dict(c.status);
      return [ns(c), `persistentvolumeclaim/${c.metadata.name}`, str(st.phase) ?? 'Pending', str(dict(c.spec).volumeName) ?? '', str(dict(st.capacity).storage) ?? '', list(st.accessModes).map(accessMode).join(','), str(dict(c.spec).storageClassName) ?? ''];
    })));
  }
  const cronJobs = objs('CronJob');
  if (cronJobs.length) {
    const now = new Date(result.now);
    out.push(table(['NAMESPACE', 'NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'NEXT SCHEDULE'], cronJobs.map((c) => {
      const spec = dict(c.spec);
      const next = cronJobNextRun(c, now);
      return [ns(c), `cronjob.batch/${c.metadata.name}`, str(spec.schedule) ?? '', str(spec.timeZone) ?? '<none>', String(spec.suspend === true), String(list(dict(c.status).active).length), str(dict(c.status).lastScheduleTime) ?? '<none>', next ? timestamp(next) : '<none>'];
    })));
  }
  const hpas = objs('HorizontalPodAutoscaler');
  if (hpas.length) {
    out.push(table(['NAMESPACE', 'NAME', 'REFERENCE', 'MINPODS', 'MAXPODS', 'REPLICAS'], hpas.map((h) => {
      const spec = dict(h.spec);
      const ref = dict(spec.scaleTargetRef);
      return [ns(h), `horizontalpodautoscaler.autoscaling/${h.metadata.name}`, `${str(ref.kind) ?? ''}/${str(ref.name) ?? ''}`, String(spec.minReplicas ?? 1), String(spec.maxReplicas ?? ''), String(dict(h.status).desiredReplicas ?? '')];
    })));
  }
  const routes = ingressRoutes(result.objects.filter((o) => !SYSTEM.has(o.metadata.namespace ?? '')));
  if (routes.length) {
    out.push(table(['NAMESPACE', 'INGRESS', 'CLASS', 'HOST', 'PATH', 'BACKEND', 'ENDPOINTS'], routes.map((r) => [
      r.namespace,
      `ingress.networking.k8s.io/${r.ingress}`,
      r.ingressClass ?? '<none>',
      r.host,
      r.path,
      r.service ? `${r.service}:${r.port ?? ''}` : '<none>',
      r.problem ?? (r.endpoints.length > 3 ? `${r.endpoints.slice(0, 3).join(',')} + ${r.endpoints.length - 3} more...` : r.endpoints.join(',')),
    ])));
  }
  const warnings = result.events.filter((e) => e.type === 'Warning');
  if (warnings.length) {
    out.push(table(['NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], warnings.map((e) => [e.involvedObject.namespace ?? '', e.type, e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message])));
  }
  if (result.limits.length) out.push(result.limits.map((l) => `limit (${l.reason}): ${l.message}`).join('\n') + '\n');
  return out.join('\n');
}

/** kubectl's STATUS column: the waiting reason of a container when there is one, else the phase. */
function podStatus(p: KObject): string {
  const waiting = dicts(dict(p.status).containerStatuses).map((c) => str(dict(dict(c.state).waiting).reason)).find((r) => r);
  return waiting ?? str(dict(p.status).phase) ?? 'Pending';
}

const accessMode = (m: unknown): string => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[String(m)] ?? String(m);

/** `kubectl get endpoints`: ready addresses as ip:port, at most three, then "+ N more...". */
function endpointsText(ep: KObject | undefined): string {
  if (!ep) return '<none>';
  const all: string[] = [];
  for (const s of dicts(ep.subsets)) for (const a of dicts(s.addresses)) for (const p of dicts(s.ports)) all.push(`${a.ip}:${p.port}`);
  if (all.length === 0) return '<none>';
  return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
}
