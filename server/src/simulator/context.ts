import { ClusterIpAllocator, NodePortAllocator } from './apiserver/allocators';
import { Store } from './store';
import type { KObject, SimConfig, SimLimit } from './types';

/**
 * The bounds that keep every simulation finite (issue: "the simulator bounds
 * the objects it creates … and the cap is reported").
 */
export interface SimBounds {
  /** Pods one workload (ReplicaSet, StatefulSet, Job) gets at most. */
  maxPodsPerWorkload: number;
  /** Objects the store holds at most; controllers create nothing beyond it. */
  maxObjects: number;
  /** Control-loop rounds before the simulator gives up waiting for the cluster to settle. */
  maxRounds: number;
}

export const DEFAULT_BOUNDS: SimBounds = { maxPodsPerWorkload: 1000, maxObjects: 100_000, maxRounds: 1000 };

/** Everything the apiserver, controllers, scheduler and kubelet share during one simulation. */
export class Sim {
  readonly store: Store;
  readonly clusterIps: ClusterIpAllocator;
  readonly nodePorts: NodePortAllocator;
  /** Next host number per node for pod IPs (10.244.<node>.<n>); .1 is the node's gateway. */
  readonly nextPodHost = new Map<string, number>();
  readonly limits: SimLimit[] = [];
  private readonly limitKeys = new Set<string>();

  constructor(
    readonly config: SimConfig,
    readonly bounds: SimBounds = DEFAULT_BOUNDS,
  ) {
    this.store = new Store(config);
    this.clusterIps = new ClusterIpAllocator(config.rng);
    this.nodePorts = new NodePortAllocator(config.rng);
  }

  /** Records a bound once per reason and object. */
  limit(reason: SimLimit['reason'], message: string, obj?: KObject): void {
    const involved = obj ? { kind: obj.kind, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}), name: obj.metadata.name } : undefined;
    const k = `${reason}\u0000${involved ? `${involved.kind}/${involved.namespace ?? ''}/${involved.name}` : ''}`;
    if (this.limitKeys.has(k)) return;
    this.limitKeys.add(k);
    this.limits.push({ reason, message, ...(involved ? { involvedObject: involved } : {}) });
  }

  /**
   * How many pods a workload that asks for `wanted` may have, reporting the cap
   * once; 0 more when the store is full.
   */
  podBudget(owner: KObject, wanted: number): number {
    const cap = this.bounds.maxPodsPerWorkload;
    if (wanted > cap) this.limit('ReplicasCapped', `${owner.kind} ${nsOf(owner)} asks for ${wanted} pods; the simulator creates at most ${cap} per workload`, owner);
    return Math.min(wanted, cap);
  }

  /** False (and reported) once the store holds maxObjects objects. */
  roomFor(owner: KObject): boolean {
    if (this.store.size < this.bounds.maxObjects) return true;
    this.limit('ObjectsCapped', `the simulated cluster holds ${this.bounds.maxObjects} objects, the most the simulator keeps; ${owner.kind} ${nsOf(owner)} got no more`, owner);
    return false;
  }
}

const nsOf = (o: KObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);
