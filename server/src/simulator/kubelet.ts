import { nodeCidrIndex } from './cluster';
import type { Sim } from './context';
import { dict, dicts, str, type Dict } from './obj';
import type { KObject } from './types';

/**
 * A simulated kubelet on every node. A bound pod whose volumes and env
 * sources resolve starts at once: images are assumed pullable and probes
 * pass, so it is Running and Ready with an IP from its node's pod CIDR
 * 10.244.<node>.0/24 (.1 is the bridge, pods start at .2). Otherwise it stays
 * Pending with the reason a kubelet reports: FailedMount for a missing
 * ConfigMap/Secret/claim, CreateContainerConfigError for a missing env source.
 */
export function runKubelets(sim: Sim): void {
  // Only bound, pending pods are put in creation order (syncing one pod writes only that pod, so the choice holds through the loop).
  const waiting = sim.store.view('Pod').filter((p) => str(dict(p.spec).nodeName) && dict(p.status).phase === 'Pending');
  for (const pod of sim.store.creationOrder(waiting)) {
    const nodeName = str(dict(pod.spec).nodeName) as string;
    const node = sim.store.get('Node', undefined, nodeName);
    if (!node) continue; // no kubelet serves a node that does not exist
    syncPod(sim, pod, node);
  }
}

function syncPod(sim: Sim, pod: KObject, node: KObject): void {
  const ns = pod.metadata.namespace ?? 'default';
  const mountError = volumeProblem(sim, ns, dict(pod.spec));
  if (mountError) {
    sim.store.eventOnce(pod, 'Warning', 'FailedMount', mountError);
    return setWaiting(sim, pod, 'ContainerCreating', undefined);
  }
  for (const c of dicts(dict(pod.spec).containers)) {
    const envError = envProblem(sim, ns, c);
    if (envError) {
      // kuberuntime: makeEnvironmentVariables fails, the container is not created.
      sim.store.eventOnce(pod, 'Warning', 'Failed', `Error: ${envError}`);
      return setWaiting(sim, pod, 'CreateContainerConfigError', envError, str(c.name));
    }
  }
  start(sim, pod, node);
}

/** The first volume the kubelet cannot set up, in its FailedMount wording. */
function volumeProblem(sim: Sim, ns: string, spec: Dict): string | undefined {
  for (const v of dicts(spec.volumes)) {
    const name = str(v.name) ?? '';
    const setUp = (why: string): string => `MountVolume.SetUp failed for volume "${name}" : ${why}`;
    const sources: { kind: 'configmap' | 'secret'; src: Dict }[] = [];
    if (v.configMap) sources.push({ kind: 'configmap', src: dict(v.configMap) });
    if (v.secret) sources.push({ kind: 'secret', src: { ...dict(v.secret), name: dict(v.secret).secretName } });
    for (const s of dicts(dict(v.projected).sources)) {
      if (s.configMap) sources.push({ kind: 'configmap', src: dict(s.configMap) });
      if (s.secret) sources.push({ kind: 'secret', src: dict(s.secret) });
    }
    for (const { kind, src } of sources) {
      const objName = str(src.name) ?? '';
      const obj = sim.store.get(kind === 'configmap' ? 'ConfigMap' : 'Secret', ns, objName);
      if (!obj) {
        if (src.optional === true) continue;
        return setUp(`${kind} "${objName}" not found`);
      }
      const keys = new Set([...Object.keys(dict(obj.data)), ...Object.keys(dict(obj.binaryData))]);
      for (const item of dicts(src.items)) {
        const key = str(item.key) ?? '';
        if (!keys.has(key) && src.optional !== true) return setUp(`${kind} references non-existent ${kind === 'configmap' ? 'config' : 'secret'} key: ${key}`);
      }
    }
    const claim = str(dict(v.persistentVolumeClaim).claimName);
    if (claim) {
      const pvc = sim.store.get('PersistentVolumeClaim', ns, claim);
      if (!pvc || dict(pvc.status).phase !== 'Bound') return `Unable to attach or mount volumes: unmounted volumes=[${name}], unattached volumes=[${name}]: timed out waiting for the condition`;
    }
  }
  return undefined;
}

/** The first env source a container cannot read, as kubelet_pods.go makeEnvironmentVariables words it. */
function envProblem(sim: Sim, ns: string, c: Dict): string | undefined {
  for (const e of dicts(c.env)) {
    const from = dict(e.valueFrom);
    for (const [field, kind, label] of [['configMapKeyRef', 'ConfigMap', 'configmap'], ['secretKeyRef', 'Secret', 'secret']] as const) {
      const ref = dict(from[field]);
      if (!from[field]) continue;
      const name = str(ref.name) ?? '';
      const key = str(ref.key) ?? '';
      const obj = sim.store.get(kind, ns, name);
      if (ref.optional === true && (!obj || !(key in dict(obj.data)))) continue;
      if (!obj) return `${label} "${name}" not found`;
      if (!(key in dict(obj.data)) && !(key in dict(obj.binaryData))) return `couldn't find key ${key} in ${kind} ${ns}/${name}`;
    }
  }
  for (const e of dicts(c.envFrom)) {
    for (const [field, kind, label] of [['configMapRef', 'ConfigMap', 'configmap'], ['secretRef', 'Secret', 'secret']] as const) {
      if (!e[field]) continue;
      const ref = dict(e[field]);
      const name = str(ref.name) ?? '';
      if (ref.optional !== true && !sim.store.get(kind, ns, name)) return `${label} "${name}" not found`;
    }
  }
  return undefined;
}

function setWaiting(sim: Sim, pod: KObject, reason: string, message: string | undefined, failing?: string): void {
  const status = dict(pod.status);
  const containerStatuses = dicts(dict(pod.spec).containers).map((c) => ({
    image: c.image,
    imageID: '',
    lastState: {},
    name: c.name,
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { ...(message && (!failing || failing === c.name) ? { message } : {}), reason: failing && failing !== c.name ? 'ContainerCreating' : reason } },
  }));
  const next = { ...status, containerStatuses, hostIP: nodeIp(sim, str(dict(pod.spec).nodeName) ?? ''), startTime: status.startTime ?? sim.store.now() };
  if (JSON.stringify(next) === JSON.stringify(status)) return;
  pod.status = next;
  sim.store.update(pod);
}

function start(sim: Sim, pod: KObject, node: KObject): void {
  const now = sim.store.now();
  const spec = dict(pod.spec);
  const hostIP = nodeIp(sim, node.metadata.name);
  let ip: string;
  if (spec.hostNetwork === true) ip = hostIP;
  else {
    const next = sim.nextPodHost.get(node.metadata.name) ?? 2;
    sim.nextPodHost.set(node.metadata.name, next + 1);
    ip = `10.244.${nodeCidrIndex(node)}.${next}`;
  }
  const cond = (type: string): Dict => ({ lastProbeTime: null, lastTransitionTime: now, status: 'True', type });
  const status = dict(pod.status);
  pod.status = {
    conditions: [cond('Initialized'), cond('Ready'), cond('ContainersReady'), ...dicts(status.conditions).filter((c) => c.type === 'PodScheduled')],
    containerStatuses: dicts(spec.containers).map((c) => ({
      containerID: `containerd://${c.name}`,
      image: c.image,
      imageID: '',
      lastState: {},
      name: c.name,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    qosClass: status.qosClass,
    startTime: status.startTime ?? now,
  };
  sim.store.update(pod);
}

function nodeIp(sim: Sim, nodeName: string): string {
  const node = sim.store.get('Node', undefined, nodeName);
  const addr = dicts(dict(node?.status).addresses).find((a) => a.type === 'InternalIP');
  return str(addr?.address) ?? '';
}
