import type { KObj, ObjRef, SimulationResult } from '../protocol';
import { ingressRoutes } from './tree';
import { dict, dicts, str } from './json';
import { refKey, refOf, ResultIndex } from './objects';

export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  /** A short state line: pod phase, ClusterIP, claim phase. */
  detail?: string;
  /** Something that should exist but does not (a missing Service, ConfigMap or claim, an unbound volume). */
  missing?: boolean;
  /** The object is there but does not work (a pod that does not run, a Service without endpoints). */
  unhealthy?: boolean;
  ref?: ObjRef;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  broken?: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Above this many pods, Pod → Node edges would tie every app to the same few
 * node boxes and turn the picture into a hairball: the node's name moves into
 * each pod's label instead.
 */
export const MAX_PODS_WITH_NODE_EDGES = 30;

const GRAPH_KINDS = new Set(['Ingress', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'Node', 'PersistentVolumeClaim', 'PersistentVolume', 'ConfigMap', 'Secret']);

/**
 * The resource graph of a simulation: Ingress → Service → Pods ← ReplicaSet
 * ← Deployment, Pod → Node, Pod → PVC → PV, Pod → ConfigMap/Secret. A link
 * whose far end is missing gets a `missing` placeholder node and a broken
 * edge; a Service that selects pods but has none gets a broken edge to a
 * "no pods" placeholder. Only the user's objects and what they made are drawn.
 */
export function buildGraph(result: SimulationResult): Graph {
  const ix = new ResultIndex(result);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const node = (o: KObj, detail?: string, unhealthy?: boolean): string => {
    const id = refKey(refOf(o));
    if (!nodes.has(id)) nodes.set(id, { id, kind: o.kind, label: o.metadata.name, ...(detail ? { detail } : {}), ...(unhealthy ? { unhealthy } : {}), ref: refOf(o) });
    return id;
  };
  const missing = (ref: ObjRef, why: string): string => {
    const id = `missing:${refKey(ref)}`;
    if (!nodes.has(id)) nodes.set(id, { id, kind: ref.kind, label: ref.name, detail: why, missing: true });
    return id;
  };
  const edge = (source: string, target: string, extra: Partial<GraphEdge> = {}): void => {
    const id = `${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target, ...extra });
  };
  const inGraph = (o: KObj): boolean => GRAPH_KINDS.has(o.kind) && (ix.isUsers(o) || (o.kind === 'Pod' && ix.owner(o) !== undefined && ix.isUsers(ix.root(o))));
  const pods = result.objects.filter((o) => o.kind === 'Pod' && inGraph(o));

  const nodeEdges = pods.length <= MAX_PODS_WITH_NODE_EDGES;
  for (const pod of pods) {
    const phase = str(dict(pod.status).phase) ?? 'Pending';
    const placed = str(dict(pod.spec).nodeName);
    const id = node(pod, !nodeEdges && placed ? `${phase} on ${placed}` : phase, phase !== 'Running' && phase !== 'Succeeded');
    const owner = ix.owner(pod);
    if (owner) {
      edge(node(owner), id);
      const top = ix.owner(owner);
      if (top) edge(node(top), node(owner));
    }
    const nodeName = str(dict(pod.spec).nodeName);
    const k8sNode = nodeName ? ix.get({ kind: 'Node', name: nodeName }) : undefined;
    if (k8sNode && nodeEdges) edge(id, node(k8sNode));
    const ns = pod.metadata.namespace;
    for (const ref of podReferences(pod)) {
      const target = ix.get({ kind: ref.kind, namespace: ns, name: ref.name });
      if (target) edge(id, claimOrNode(target), ref.optional ? { label: 'optional' } : {});
      else if (!ref.optional) edge(id, missing({ kind: ref.kind, namespace: ns, name: ref.name }, 'not defined'), { broken: true });
    }
  }
  function claimOrNode(o: KObj): string {
    if (o.kind !== 'PersistentVolumeClaim') return node(o);
    const phase = str(dict(o.status).phase) ?? 'Pending';
    const id = node(o, phase, phase !== 'Bound');
    const volume = str(dict(o.spec).volumeName);
    const pv = volume ? ix.get({ kind: 'PersistentVolume', name: volume }) : undefined;
    if (pv) edge(id, node(pv, str(dict(dict(pv.spec).capacity).storage)));
    else edge(id, missing({ kind: 'PersistentVolume', name: `${o.metadata.name} (unbound)` }, 'no volume bound'), { broken: true });
    return id;
  }
  for (const claim of result.objects.filter((o) => o.kind === 'PersistentVolumeClaim' && ix.isUsers(o))) claimOrNode(claim);
  for (const w of result.objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind) && ix.isUsers(o))) node(w);

  for (const svc of result.objects.filter((o) => o.kind === 'Service' && ix.isUsers(o))) {
    const spec = dict(svc.spec);
    const id = node(svc, str(spec.clusterIP) ?? str(spec.type));
    const ep = ix.get({ kind: 'Endpoints', namespace: svc.metadata.namespace, name: svc.metadata.name });
    let count = 0;
    for (const subset of dicts(ep?.subsets)) {
      for (const a of [...dicts(subset.addresses), ...dicts(subset.notReadyAddresses)]) {
        const target = ix.get({ kind: 'Pod', namespace: svc.metadata.namespace, name: str(dict(a.targetRef).name) ?? '' });
        if (target) edge(id, node(target)), count++;
      }
    }
    if (count === 0 && Object.keys(dict(spec.selector)).length > 0) {
      nodes.get(id)!.unhealthy = true;
      edge(id, missing({ kind: 'Pod', namespace: svc.metadata.namespace, name: `no pods for ${svc.metadata.name}` }, 'the selector matches no pod'), { broken: true });
    }
  }
  for (const ing of result.objects.filter((o) => o.kind === 'Ingress' && ix.isUsers(o))) {
    const id = node(ing);
    for (const r of ingressRoutes(ing)) {
      if (!r.service) continue;
      const svc = ix.get({ kind: 'Service', namespace: ing.metadata.namespace, name: r.service });
      if (svc) edge(id, node(svc), { label: r.route });
      else edge(id, missing({ kind: 'Service', namespace: ing.metadata.namespace, name: r.service }, 'not defined'), { label: r.route, broken: true });
    }
  }
  for (const o of result.objects.filter((x) => (x.kind === 'ConfigMap' || x.kind === 'Secret') && ix.isUsers(x))) node(o);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The ConfigMaps, Secrets and claims a pod reads: volumes, envFrom and env valueFrom. */
export function podReferences(pod: KObj): { kind: string; name: string; optional: boolean }[] {
  const spec = dict(pod.spec);
  const out: { kind: string; name: string; optional: boolean }[] = [];
  const add = (kind: string, name: unknown, optional: unknown): void => {
    if (typeof name === 'string' && name && !out.some((r) => r.kind === kind && r.name === name)) out.push({ kind, name, optional: optional === true });
  };
  for (const v of dicts(spec.volumes)) {
    // The ServiceAccount admission plugin's token volume reads the cluster's kube-root-ca.crt: not the user's reference.
    if (str(v.name)?.startsWith('kube-api-access-')) continue;
    add('PersistentVolumeClaim', dict(v.persistentVolumeClaim).claimName, false);
    add('ConfigMap', dict(v.configMap).name, dict(v.configMap).optional);
    add('Secret', dict(v.secret).secretName, dict(v.secret).optional);
    for (const s of dicts(dict(v.projected).sources)) {
      add('ConfigMap', dict(s.configMap).name, dict(s.configMap).optional);
      add('Secret', dict(s.secret).name, dict(s.secret).optional);
    }
  }
  for (const c of [...dicts(spec.initContainers), ...dicts(spec.containers)]) {
    for (const f of dicts(c.envFrom)) {
      add('ConfigMap', dict(f.configMapRef).name, dict(f.configMapRef).optional);
      add('Secret', dict(f.secretRef).name, dict(f.secretRef).optional);
    }
    for (const e of dicts(c.env)) {
      const from = dict(e.valueFrom);
      add('ConfigMap', dict(from.configMapKeyRef).name, dict(from.configMapKeyRef).optional);
      add('Secret', dict(from.secretKeyRef).name, dict(from.secretKeyRef).optional);
    }
  }
  for (const s of dicts(spec.imagePullSecrets)) add('Secret', s.name, true);
  return out;
}
