import type { KObj, ObjRef, SimulationResult } from '../protocol';
import { dict, dicts, formatBytes, formatCpu, list, num, quantity, str } from './json';
import { label, podProblem, podStatus, refOf, ResultIndex, SYSTEM_NAMESPACES } from './objects';

/** One row of the Simulated Cluster view; the VS Code adapter maps it to a TreeItem one to one. */
export interface TreeNode {
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon?: string;
  /** Drawn in the warning colour: a rejection, a Warning event, a pod that does not run. */
  warning?: boolean;
  /** The object this row shows; selecting it reveals its manifest (or its owner's). */
  ref?: ObjRef;
  children: TreeNode[];
}

const KIND_ICON: Record<string, string> = {
  Namespace: 'symbol-namespace', Deployment: 'layers', StatefulSet: 'database', DaemonSet: 'server-process', Job: 'run', CronJob: 'watch',
  ReplicaSet: 'copy', Pod: 'circle-filled', Service: 'plug', Ingress: 'globe', PersistentVolumeClaim: 'save', PersistentVolume: 'archive',
  ConfigMap: 'settings', Secret: 'lock', Node: 'vm', Event: 'bell',
};

/**
 * The Simulated Cluster tree: rejected objects first, then each namespace the
 * manifests used (workloads down to their pods, Services with endpoints,
 * Ingress routes, claims and volumes, configuration), then the nodes with
 * their pods and used capacity, then the events. Secret values are never read.
 */
export function buildTree(result: SimulationResult): TreeNode[] {
  const ix = new ResultIndex(result);
  const out: TreeNode[] = [];
  const rejected = result.apply.filter((a) => a.result === 'rejected');
  if (rejected.length) {
    out.push(group('Rejected', 'error', rejected.map((a) => ({ label: label(a), description: a.message, tooltip: a.message, icon: 'error', warning: true, ref: { kind: a.kind, namespace: a.namespace, name: a.name }, children: [] }))));
  }
  for (const ns of userNamespaces(ix)) out.push(namespaceNode(ix, ns));
  const nodes = ix.all('Node');
  if (nodes.length) out.push(group('Nodes', 'vm', nodes.map((n) => nodeNode(ix, n))));
  if (result.events.length) {
    const warnings = result.events.filter((e) => e.type === 'Warning').length;
    const events = [...result.events].sort((a, b) => (a.type === b.type ? 0 : a.type === 'Warning' ? -1 : 1));
    const g = group('Events', 'bell', events.map((e) => ({
      label: `${e.reason} ${label(e.involvedObject)}`,
      description: e.message,
      tooltip: `${e.type}: ${e.message}`,
      icon: e.type === 'Warning' ? 'warning' : 'info',
      warning: e.type === 'Warning',
      ref: e.involvedObject,
      children: [],
    })));
    g.description = warnings ? `${result.events.length} · ${warnings} warning${warnings === 1 ? '' : 's'}` : String(result.events.length);
    g.warning = warnings > 0;
    out.push(g);
  }
  return out;
}

function group(name: string, icon: string, children: TreeNode[]): TreeNode {
  return { label: name, description: String(children.length), icon, children };
}

/** Namespaces holding objects from the manifests, in name order; `default` only when used. */
function userNamespaces(ix: ResultIndex): string[] {
  const names = new Set<string>();
  for (const o of ix.result.objects) if (o.metadata.namespace && !SYSTEM_NAMESPACES.has(o.metadata.namespace) && ix.isUsers(o)) names.add(o.metadata.namespace);
  for (const l of ix.result.locations) if (l.kind === 'Namespace') names.add(l.name);
  return [...names].sort();
}

function namespaceNode(ix: ResultIndex, ns: string): TreeNode {
  const mine = (kind: string): KObj[] => ix.all(kind).filter((o) => o.metadata.namespace === ns && (ix.isUsers(o) || kind === 'Pod'));
  const children: TreeNode[] = [];
  const add = (name: string, kind: string, row: (o: KObj) => TreeNode, objs = mine(kind)): void => {
    if (objs.length) children.push(group(name, KIND_ICON[kind] ?? 'symbol-class', objs.map(row)));
  };
  add('Deployments', 'Deployment', (d) => workloadNode(ix, d, ix.ownedBy(d, 'ReplicaSet').map((rs) => replicaSetNode(ix, rs))));
  add('StatefulSets', 'StatefulSet', (s) => workloadNode(ix, s, ix.ownedBy(s, 'Pod').map(podNode)));
  add('DaemonSets', 'DaemonSet', (s) => workloadNode(ix, s, ix.ownedBy(s, 'Pod').map(podNode)));
  add('Jobs', 'Job', (j) => workloadNode(ix, j, ix.ownedBy(j, 'Pod').map(podNode)));
  add('Pods', 'Pod', podNode, mine('Pod').filter((p) => !ix.owner(p)));
  add('Services', 'Service', (s) => serviceNode(ix, s));
  add('Ingresses', 'Ingress', ingressNode);
  add('PersistentVolumeClaims', 'PersistentVolumeClaim', (c) => claimNode(ix, c));
  add('ConfigMaps', 'ConfigMap', (c) => leaf(c, `${Object.keys(dict(c.data)).length + Object.keys(dict(c.binaryData)).length} keys`));
  // Only the number of keys: values are masked by the server, and not even the mask is shown.
  add('Secrets', 'Secret', (s) => leaf(s, `${str(s.type) ?? 'Opaque'} · ${Object.keys(dict(s.data)).length} keys`));
  const known = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'PersistentVolumeClaim', 'ConfigMap', 'Secret']);
  const others = ix.result.objects.filter((o) => o.metadata.namespace === ns && !known.has(o.kind) && ix.isUsers(o));
  if (others.length) children.push(group('Other', 'symbol-misc', others.map((o) => leaf(o, o.kind))));
  return { label: ns, icon: KIND_ICON.Namespace, ref: { kind: 'Namespace', name: ns }, children };
}

function leaf(o: KObj, description?: string): TreeNode {
  return { label: o.metadata.name, ...(description ? { description } : {}), icon: KIND_ICON[o.kind] ?? 'symbol-class', ref: refOf(o), children: [] };
}

function workloadNode(ix: ResultIndex, w: KObj, children: TreeNode[]): TreeNode {
  const status = dict(w.status);
  const desired = w.kind === 'DaemonSet' ? (num(status.desiredNumberScheduled) ?? 0) : w.kind === 'Job' ? (num(dict(w.spec).completions) ?? 1) : (num(dict(w.spec).replicas) ?? 1);
  const ready = w.kind === 'DaemonSet' ? (num(status.numberReady) ?? 0) : w.kind === 'Job' ? (num(status.succeeded) ?? 0) : (num(status.readyReplicas) ?? 0);
  const pods = w.kind === 'Deployment' ? ix.ownedBy(w, 'ReplicaSet').flatMap((rs) => ix.ownedBy(rs, 'Pod')) : ix.ownedBy(w, 'Pod');
  const unhealthy = pods.some((p) => podProblem(p) !== undefined);
  return { label: w.metadata.name, description: `${ready}/${desired} ${w.kind === 'Job' ? 'succeeded' : 'ready'}`, icon: KIND_ICON[w.kind], warning: unhealthy || ready < desired, ref: refOf(w), children };
}

function replicaSetNode(ix: ResultIndex, rs: KObj): TreeNode {
  const status = dict(rs.status);
  const desired = num(dict(rs.spec).replicas) ?? 0;
  return { label: rs.metadata.name, description: `desired ${desired} · current ${num(status.replicas) ?? 0} · ready ${num(status.readyReplicas) ?? 0}`, icon: KIND_ICON.ReplicaSet, ref: refOf(rs), children: ix.ownedBy(rs, 'Pod').map(podNode) };
}

function podNode(p: KObj): TreeNode {
  const status = podStatus(p);
  const node = str(dict(p.spec).nodeName);
  const ip = str(dict(p.status).podIP);
  const problem = podProblem(p);
  return {
    label: p.metadata.name,
    description: [status, node, ip].filter(Boolean).join(' · '),
    tooltip: problem?.message ? `${status}: ${problem.message}` : `${status}${node ? ` on ${node}` : ''}${ip ? `, IP ${ip}` : ''}`,
    icon: problem ? 'warning' : KIND_ICON.Pod,
    warning: problem !== undefined,
    ref: refOf(p),
    children: [],
  };
}

function serviceNode(ix: ResultIndex, s: KObj): TreeNode {
  const spec = dict(s.spec);
  const type = str(spec.type) ?? 'ClusterIP';
  const ports = dicts(spec.ports).map((p) => `${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${str(p.protocol) ?? 'TCP'}`).join(',');
  const ep = ix.get({ kind: 'Endpoints', namespace: s.metadata.namespace, name: s.metadata.name });
  const endpoints: TreeNode[] = [];
  for (const subset of dicts(ep?.subsets)) {
    for (const a of dicts(subset.addresses)) {
      const target = dict(a.targetRef);
      for (const p of dicts(subset.ports)) {
        endpoints.push({ label: `${a.ip}:${p.port}`, description: str(target.name) ? `pod/${target.name}` : undefined, icon: 'debug-stackframe-dot', ref: str(target.name) ? { kind: 'Pod', namespace: s.metadata.namespace, name: str(target.name)! } : undefined, children: [] });
      }
    }
  }
  const selects = Object.keys(dict(spec.selector)).length > 0;
  const broken = selects && endpoints.length === 0 && type !== 'ExternalName';
  if (broken) endpoints.push({ label: 'no endpoints', description: 'the selector matches no ready pod', icon: 'warning', warning: true, children: [] });
  const ip = type === 'ExternalName' ? str(spec.externalName) : str(spec.clusterIP);
  return { label: s.metadata.name, description: [type, ip, ports].filter(Boolean).join(' · '), icon: KIND_ICON.Service, warning: broken, ref: refOf(s), children: endpoints };
}

/** Each rule as "host/path → service:port"; the default backend as "* → …". */
export function ingressRoutes(ing: KObj): { route: string; service?: string; port?: string }[] {
  const spec = dict(ing.spec);
  const backend = (b: unknown): { service?: string; port?: string } => {
    const svc = dict(dict(b).service);
    const port = dict(svc.port);
    return { service: str(svc.name), port: str(port.name) ?? (num(port.number) !== undefined ? String(port.number) : undefined) };
  };
  const out: { route: string; service?: string; port?: string }[] = [];
  if (spec.defaultBackend) out.push({ route: '* (default backend)', ...backend(spec.defaultBackend) });
  for (const rule of dicts(spec.rules)) {
    for (const p of dicts(dict(rule.http).paths)) out.push({ route: `${str(rule.host) ?? '*'}${str(p.path) ?? '/'}`, ...backend(p.backend) });
  }
  return out;
}

function ingressNode(ing: KObj): TreeNode {
  const routes = ingressRoutes(ing).map((r) => ({
    label: r.route,
    description: `→ ${r.service ?? '?'}:${r.port ?? '?'}`,
    icon: 'arrow-right',
    ...(r.service ? { ref: { kind: 'Service', namespace: ing.metadata.namespace, name: r.service } } : {}),
    children: [],
  }));
  const cls = str(dict(ing.spec).ingressClassName);
  return { label: ing.metadata.name, description: cls ? `class ${cls}` : undefined, icon: KIND_ICON.Ingress, ref: refOf(ing), children: routes };
}

function claimNode(ix: ResultIndex, c: KObj): TreeNode {
  const phase = str(dict(c.status).phase) ?? 'Pending';
  const volume = str(dict(c.spec).volumeName);
  const pv = volume ? ix.get({ kind: 'PersistentVolume', name: volume }) : undefined;
  const size = str(dict(dict(c.status).capacity).storage) ?? str(dict(dict(dict(c.spec).resources).requests).storage);
  const children: TreeNode[] = pv ? [{ label: pv.metadata.name, description: `PersistentVolume · ${str(dict(dict(pv.spec).capacity).storage) ?? ''} · ${str(dict(pv.status).phase) ?? ''}`, icon: KIND_ICON.PersistentVolume, ref: refOf(pv), children: [] }] : [];
  return { label: c.metadata.name, description: [phase, size, str(dict(c.spec).storageClassName)].filter(Boolean).join(' · '), icon: KIND_ICON.PersistentVolumeClaim, warning: phase !== 'Bound', ref: refOf(c), children };
}

function nodeNode(ix: ResultIndex, n: KObj): TreeNode {
  const pods = ix.all('Pod').filter((p) => str(dict(p.spec).nodeName) === n.metadata.name);
  let cpu = 0;
  let memory = 0;
  for (const p of pods) {
    for (const c of dicts(dict(p.spec).containers)) {
      const requests = dict(dict(c.resources).requests);
      cpu += quantity(requests.cpu);
      memory += quantity(requests.memory);
    }
  }
  const alloc = dict(dict(n.status).allocatable);
  const taints = list(dict(n.spec).taints).length;
  return {
    label: n.metadata.name,
    description: `${pods.length} pods · cpu ${formatCpu(cpu)}/${formatCpu(quantity(alloc.cpu))} · memory ${formatBytes(memory)}/${formatBytes(quantity(alloc.memory))}${taints ? ' · tainted' : ''}`,
    icon: KIND_ICON.Node,
    ref: refOf(n),
    children: pods.map(podNode),
  };
}
