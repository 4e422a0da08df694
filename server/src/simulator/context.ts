import { ClusterIpAllocator, NodePortAllocator } from './apiserver/allocators';
import { Store } from './store';
import type { SimConfig } from './types';

/** Everything the apiserver, controllers, scheduler and kubelet share during one simulation. */
export class Sim {
  readonly store: Store;
  readonly clusterIps: ClusterIpAllocator;
  readonly nodePorts: NodePortAllocator;
  /** Next host number per node for pod IPs (10.244.<node>.<n>); .1 is the node's gateway. */
  readonly nextPodHost = new Map<string, number>();

  constructor(readonly config: SimConfig) {
    this.store = new Store(config);
    this.clusterIps = new ClusterIpAllocator(config.rng);
    this.nodePorts = new NodePortAllocator(config.rng);
  }
}
