import type { Sim } from '../context';
import { canonicalJson, sameJson } from '../hash';
import { dict, dicts, isDict, num, str, stringMap, type Dict } from '../obj';
import { matchesMapSelector } from '../selector';
import { newObject } from '../store';
import type { KObject } from '../types';
import { QuietObjects } from './quiet';
import { isPodReady } from './util';

export interface ResolvedPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface Backend {
  pod: KObject;
  ip: string;
  ready: boolean;
  ports: ResolvedPort[];
}

/**
 * The pods behind a Service with a selector: those in its namespace whose
 * labels match, that have an IP and are not being deleted. Each Service port's
 * targetPort is resolved per pod (podutil.FindPort): a number is used as is,
 * a name is looked up among the pod's container ports of the same protocol;
 * a pod without that named port is left out of that port.
 */
export function serviceBackends(sim: Sim, svc: KObject): Backend[] {
  const spec = dict(svc.spec);
  const selector = stringMap(spec.selector);
  const out: Backend[] = [];
  for (const pod of addressedPods(sim, svc.metadata.namespace).pods) {
    const ip = str(dict(pod.status).podIP) as string;
    if (!matchesMapSelector(selector, pod.metadata.labels ?? {})) continue;
    const ports: ResolvedPort[] = [];
    for (const p of dicts(spec.ports)) {
      const protocol = str(p.protocol) ?? 'TCP';
      const target = p.targetPort;
      let port: number | undefined = num(target);
      if (typeof target === 'string') {
        const cp = dicts(dict(pod.spec).containers).flatMap((c) => dicts(c.ports)).find((x) => x.name === target && (x.protocol ?? 'TCP') === protocol);
        port = num(cp?.containerPort);
      }
      if (port !== undefined) ports.push({ ...(str(p.name) ? { name: str(p.name) } : {}), port, protocol });
    }
    out.push({ pod, ip, ready: isPodReady(pod), ports });
  }
  return out;
}

/**
 * The pods of a namespace that have an IP, in list order, kept while no pod of
 * the namespace is written: every Service of the namespace asks, twice a
 * round, and in a large cluster most pods are still Pending without one.
 * `version` changes only when these pods or their resourceVersions do (every
 * write to a pod moves its resourceVersion): the pods without an IP, which
 * the scheduler and kubelets keep writing in a full cluster, are no input of
 * the endpoint controllers.
 */
function addressedPods(sim: Sim, namespace: string | undefined): Addressed {
  let perSim = addressed.get(sim);
  if (!perSim) addressed.set(sim, (perSim = new Map()));
  const stamp = sim.store.kindStamp('Pod', namespace);
  const hit = perSim.get(namespace ?? '');
  if (hit?.stamp === stamp) return hit;
  const pods = sim.store.view('Pod', namespace).filter((p) => !!str(dict(p.status).podIP));
  const versions = pods.map((p) => p.metadata.resourceVersion);
  const same = hit !== undefined && hit.pods.length === pods.length && pods.every((p, i) => p === hit.pods[i] && versions[i] === hit.versions[i]);
  const next = { stamp, pods, versions, version: same ? hit.version : stamp };
  perSim.set(namespace ?? '', next);
  return next;
}

interface Addressed {
  stamp: number;
  pods: KObject[];
  versions: string[];
  version: number;
}

const addressed = new WeakMap<Sim, Map<string, Addressed>>();

/** A stamp of what the endpoint controllers read of a namespace's pods: it moves only when a pod with an IP comes, goes or is written. */
export const addressedPodsVersion = (sim: Sim, namespace: string | undefined): number => addressedPods(sim, namespace).version;

/** Services the endpoint controllers manage: a selector, and not ExternalName. */
export function hasManagedEndpoints(svc: KObject): boolean {
  const spec = dict(svc.spec);
  if (spec.type === 'ExternalName' || !isDict(spec.selector)) return false;
  // Some member stringMap keeps (a string, under any key but "__proto__"), without building the map: asked of every Service twice a round.
  for (const k in spec.selector) if (typeof spec.selector[k] === 'string' && k !== '__proto__' && Object.prototype.hasOwnProperty.call(spec.selector, k)) return true;
  return false;
}

/**
 * The Endpoints controller (pkg/controller/endpoint): one Endpoints object
 * per Service, its subsets grouping addresses by resolved port set; ready
 * pods under `addresses`, the others under `notReadyAddresses` (unless
 * publishNotReadyAddresses), each sorted by IP as RepackSubsets does.
 */
export function reconcileEndpoints(sim: Sim): void {
  for (const svc of sim.store.list('Service')) {
    if (!hasManagedEndpoints(svc)) continue;
    // What a sync reads: the Service, the pods of its namespace and its Endpoints object.
    const endpoints = sim.store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
    quiet.run(sim, svc, `${svc.metadata.resourceVersion}/${addressedPodsVersion(sim, svc.metadata.namespace)}/${endpoints?.metadata.resourceVersion ?? ''}`, () => syncEndpoints(sim, svc));
  }
}

const quiet = new QuietObjects();

function syncEndpoints(sim: Sim, svc: KObject): void {
  const spec = dict(svc.spec);
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: ResolvedPort[]; addresses: Dict[]; notReadyAddresses: Dict[] }>();
  for (const b of serviceBackends(sim, svc)) {
    if (b.ports.length === 0 && dicts(spec.ports).length > 0) continue;
    const key = canonicalJson(b.ports);
    const g = groups.get(key) ?? { ports: b.ports, addresses: [], notReadyAddresses: [] };
    groups.set(key, g);
    const podSpec = dict(b.pod.spec);
    const address: Dict = {
      ...(spec.clusterIP === 'None' && str(podSpec.hostname) && podSpec.subdomain === svc.metadata.name ? { hostname: str(podSpec.hostname) } : {}),
      ip: b.ip,
      nodeName: str(podSpec.nodeName),
      targetRef: { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid },
    };
    (b.ready || publishNotReady ? g.addresses : g.notReadyAddresses).push(address);
  }
  const byIp = (a: Dict, b: Dict): number => ipKey(String(a.ip)) - ipKey(String(b.ip));
  const subsets = [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses.sort(byIp) } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses.sort(byIp) } : {}),
    ports: g.ports,
  }));
  const labels: Record<string, string> = { ...stringMap(svc.metadata.labels), ...(spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}) };
  const existing = sim.store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const content = { subsets: subsets.length ? subsets : undefined };
  if (!existing) {
    sim.store.create(newObject('v1', 'Endpoints', { name: svc.metadata.name, namespace: svc.metadata.namespace, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': sim.store.now() }, ...(Object.keys(labels).length ? { labels } : {}) }, subsets.length ? { subsets } : {}));
  } else if (!sameJson(existing.subsets, content.subsets)) {
    if (content.subsets) existing.subsets = content.subsets;
    else delete existing.subsets;
    existing.metadata.annotations = { ...existing.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': sim.store.now() };
    sim.store.update(existing);
  }
}

const ipKey = (ip: string): number => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);

