import type { Sim } from './context';
import { createNamespaceDefaults } from './controllers/namespace';
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

/**
 * The default cluster with `workers` worker nodes of the given size (zones
 * zone-a, zone-b, zone-c in turn), for the editor's node settings.
 */
export function workerNodes(workers: number, cpu: string, memory: string): NodeShape[] {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  return [DEFAULT_NODES[0], ...Array.from({ length: workers }, (_, i) => ({ name: `node-${i + 1}`, cpu, memory, pods: '110', zone: zones[i % zones.length], controlPlane: false }))];
}

/** The namespaces every cluster starts with (kube-apiserver's system namespaces plus default). */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function bootstrapCluster(sim: Sim, nodes: NodeShape[] = DEFAULT_NODES): void {
  const { store } = sim;
  for (const ns of SYSTEM_NAMESPACES) {
    store.create(namespaceObject(ns));
    createNamespaceDefaults(sim, ns);
  }
  nodes.forEach((n, i) => store.create(nodeObject(n, i)));
  store.create(
    newObject('storage.k8s.io/v1', 'StorageClass', { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, {
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }),
  );
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
