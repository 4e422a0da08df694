import { applyInput, type ApplyOptions } from './apiserver/apply';
import { bootstrapCluster, type NodeShape } from './cluster';
import { Sim } from './context';
import { reconcileDaemonSets } from './controllers/daemonset';
import { reconcileDeployments } from './controllers/deployment';
import { reconcileEndpoints } from './controllers/endpoints';
import { reconcileEndpointSlices } from './controllers/endpointslice';
import { reconcileJobs } from './controllers/job';
import { reconcilePersistentVolumeClaims } from './controllers/persistentvolume';
import { reconcileReplicaSets } from './controllers/replicaset';
import { reconcileStatefulSets } from './controllers/statefulset';
import { runKubelets } from './kubelet';
import { snapshot } from './output/objects';
import { schedulePending } from './scheduler/scheduler';
import type { SimConfig, SimInput, SimResult } from './types';

export interface SimulateOptions extends ApplyOptions {
  /** Show Secret values in `objects` (masked otherwise). */
  showSecrets?: boolean;
  /** The cluster's nodes; the default kind-like cluster when absent. */
  nodes?: NodeShape[];
}

/** The control loops, in the order one round runs them. Each is a pure function of the store. */
const CONTROLLERS: readonly ((sim: Sim) => void)[] = [
  reconcileDeployments,
  reconcileReplicaSets,
  reconcileStatefulSets,
  reconcileDaemonSets,
  reconcileJobs,
  reconcilePersistentVolumeClaims,
  schedulePending,
  runKubelets,
  reconcileEndpoints,
  reconcileEndpointSlices,
];

/** A bound on rounds; each OrderedReady StatefulSet pod takes one, so this is far above any real input. */
const MAX_ROUNDS = 1000;

/**
 * `kubectl apply` of the inputs into a fresh default cluster, then the
 * controllers, scheduler and kubelets run round after round until a round
 * changes nothing. Deterministic for a given config (clock, rng, names).
 */
export function simulate(inputs: readonly SimInput[], config: SimConfig, options: SimulateOptions): SimResult {
  const sim = new Sim(config);
  bootstrapCluster(sim, options.nodes);
  // The cluster existed for a while before the user applied anything.
  config.clock.advance(60);
  const apply = inputs.map((input) => applyInput(sim, input, options));
  settle(sim);
  return { apply, objects: snapshot(sim, options.showSecrets === true), events: sim.store.events };
}

export function settle(sim: Sim): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    sim.store.dirty = false;
    for (const run of CONTROLLERS) run(sim);
    if (!sim.store.dirty) return;
    sim.config.clock.advance(1);
  }
}
