import type { Sim } from './context';
import { createNamespaceDefaults } from './controllers/namespace';
import { clone, dict, str, stringMap } from './obj';
import { newObject } from './store';
import type { KObject } from './types';

export interface NodeShape {
  name: string;
  cpu: string;
  memory: string;
  pods: string;
  zone: string;
  controlPlane: boolean;
}

/**
 * The default cluster, shaped like `kind create cluster` with three workers:
 * a control-plane node carrying kubeadm's node-role.kubernetes.io/control-plane:NoSchedule
 * taint, and node-1..node-3 with 4 CPU, 16Gi and 110 pods each (the reference
 * cluster's nodes), one zone each.
 */
export const DEFAULT_NODES: NodeShape[] = [
  { name: 'control-plane', cpu: '4', memory: '16Gi', pods: '110', zone: 'zone-a', controlPlane: true },
  { name: 'node-1', cpu: '4', memory: '16Gi', pods: '110', zone: 'zone-a', controlPlane: false },
  { name: 'node-2', cpu: '4', memory: '16Gi', pods: '110', zone: 'zone-b', controlPlane: false },
  { name: 'node-3', cpu: '4', memory: '16Gi', pods: '110', zone: 'zone-c', controlPlane: false },
];

/** The namespaces every cluster starts with (kube-apiserver's system namespaces plus default). */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * The cluster the manifests are applied to. Each list, when given, replaces
 * that part of the default kind-like cluster: `nodes` the four default nodes,
 * `storageClasses` the default class `standard`; `persistentVolumes` and
 * `namespaces` are added (the system namespaces always exist). Entries are
 * plain Kubernetes manifests (a Node, a StorageClass, …), as `--cluster FILE`
 * and the `kubesim.cluster` setting read them.
 */
export interface ClusterDescription {
  nodes?: Record<string, unknown>[];
  storageClasses?: Record<string, unknown>[];
  persistentVolumes?: Record<string, unknown>[];
  namespaces?: Record<string, unknown>[];
}

export function bootstrapCluster(sim: Sim, cluster: ClusterDescription = {}): void {
  const { store } = sim;
  for (const ns of SYSTEM_NAMESPACES) {
    store.create(namespaceObject(ns));
    createNamespaceDefaults(sim, ns);
  }
  if (cluster.nodes) cluster.nodes.forEach((n, i) => store.create(userNode(n, i)));
  else DEFAULT_NODES.forEach((n, i) => store.create(nodeObject(n, i)));
  if (cluster.storageClasses) for (const c of cluster.storageClasses) store.create(userObject(c));
  else {
    store.create(
      newObject('storage.k8s.io/v1', 'StorageClass', { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, {
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    );
  }
  for (const ns of cluster.namespaces ?? []) {
    const name = str(dict(ns.metadata).name) ?? '';
    if (store.has('Namespace', undefined, name)) continue;
    store.create(namespaceObject(name, stringMap(dict(ns.metadata).labels)));
    createNamespaceDefaults(sim, name);
  }
  for (const pv of cluster.persistentVolumes ?? []) {
    const obj = userObject(pv);
    const spec = dict(obj.spec);
    // SetDefaults_PersistentVolume, and a fresh volume is Available.
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    obj.spec = spec;
    obj.metadata.finalizers = ['kubernetes.io/pv-protection'];
    obj.status = { phase: 'Available' };
    store.create(obj);
  }
  // The apiserver's own Service: the first address of the service range (controlplane.ServiceIPRange).
  sim.clusterIps.reserve('10.96.0.1');
  store.create(
    newObject('v1', 'Service', { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, {
      spec: {
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    }),
  );
}

/**
 * The quick cluster settings: a tainted control-plane node and `workers`
 * worker nodes node-1..node-N with the given capacity, spread over three zones.
 */
export function quickNodes(workers: number, cpu = '4', memory = '16Gi', pods = '110'): NodeShape[] {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  return [
    { name: 'control-plane', cpu, memory, pods, zone: 'zone-a', controlPlane: true },
    ...Array.from({ length: workers }, (_, i) => ({ name: `node-${i + 1}`, cpu, memory, pods, zone: zones[i % 3], controlPlane: false })),
  ];
}

/** A NodeShape as the Node manifest the kubelet would register, for a ClusterDescription. */
export function nodeManifest(n: NodeShape): Record<string, unknown> {
  const node = nodeObject(n, 0);
  const spec = dict(node.spec);
  delete spec.podCIDR; // the node IPAM assigns it by position when the node registers
  delete spec.podCIDRs;
  return { apiVersion: node.apiVersion, kind: node.kind, metadata: { name: n.name, labels: node.metadata.labels }, spec, status: node.status };
}

const CLUSTER_KINDS: Record<string, keyof ClusterDescription> = { Node: 'nodes', StorageClass: 'storageClasses', PersistentVolume: 'persistentVolumes', Namespace: 'namespaces' };

/**
 * A cluster description from manifests (a `--cluster` file): Nodes,
 * StorageClasses, PersistentVolumes and Namespaces. Anything else is reported,
 * not guessed at.
 */
export function clusterFromManifests(values: readonly Record<string, unknown>[]): { cluster: ClusterDescription; problems: string[] } {
  const cluster: ClusterDescription = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const kind = str(v.kind) ?? '';
    const name = str(dict(v.metadata).name) ?? '';
    const field = CLUSTER_KINDS[kind];
    if (!field) {
      problems.push(`${kind || 'a document without a kind'}${name ? ` "${name}"` : ''} is not part of a cluster description (Node, StorageClass, PersistentVolume or Namespace)`);
      continue;
    }
    if (!name) {
      problems.push(`a ${kind} without metadata.name`);
      continue;
    }
    if (seen.has(`${kind}/${name}`)) {
      problems.push(`${kind} "${name}" is described twice`);
      continue;
    }
    seen.add(`${kind}/${name}`);
    (cluster[field] ??= []).push(v);
  }
  return { cluster, problems };
}

function userObject(value: Record<string, unknown>): KObject {
  const v = clone(value) as Record<string, unknown>;
  const meta = dict(v.metadata);
  return { ...v, apiVersion: str(v.apiVersion) ?? 'v1', kind: str(v.kind) ?? '', metadata: { ...meta, name: str(meta.name) ?? '', uid: '', resourceVersion: '', creationTimestamp: '' } } as KObject;
}

/**
 * A user's Node manifest as a registered node: what the kubelet adds when the
 * manifest leaves it out (the well-known labels, a Ready condition, the pod
 * CIDR, and the default capacity when status gives none).
 */
function userNode(value: Record<string, unknown>, index: number): KObject {
  const obj = userObject(value);
  const name = obj.metadata.name;
  const base = nodeObject({ name, cpu: '4', memory: '16Gi', pods: '110', zone: '', controlPlane: false }, index);
  const labels = { ...stringMap(base.metadata.labels), ...stringMap(obj.metadata.labels) };
  if (!stringMap(obj.metadata.labels)['topology.kubernetes.io/zone']) delete labels['topology.kubernetes.io/zone'];
  obj.metadata.labels = labels;
  const spec = { ...dict(base.spec), ...dict(obj.spec) };
  obj.spec = spec;
  const given = dict(obj.status);
  const baseStatus = dict(base.status);
  const capacity = { ...dict(baseStatus.capacity), ...dict(given.capacity) };
  const allocatable = { ...capacity, ...dict(given.allocatable) };
  obj.status = { ...baseStatus, ...given, capacity, allocatable };
  return obj;
}

export function namespaceObject(name: string, labels: Record<string, string> = {}): KObject {
  return newObject('v1', 'Namespace', { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } }, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
}

function nodeObject(n: NodeShape, index: number): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'topology.kubernetes.io/zone': n.zone,
  };
  if (n.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  const resources = { cpu: n.cpu, 'ephemeral-storage': '100Gi', memory: n.memory, pods: n.pods };
  return newObject('v1', 'Node', { name: n.name, labels }, {
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: `172.18.0.${index + 2}`, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: { ...resources },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.1', kubeProxyVersion: 'v1.28.0', kubeletVersion: 'v1.28.0', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 11 (bullseye)' },
    },
  });
}

/** The index used for a node's pod CIDR 10.244.<index>.0/24. */
export function nodeCidrIndex(node: KObject): number {
  const cidr = String((node.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '');
  const m = /^10\.244\.(\d+)\.0\/24$/.exec(cidr);
  return m ? Number(m[1]) : 0;
}
