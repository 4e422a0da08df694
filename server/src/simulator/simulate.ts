import { applyInput, type ApplyOptions } from './apiserver/apply';
import { bootstrapCluster, type ClusterDescription } from './cluster';
import { DEFAULT_BOUNDS, Sim, type SimBounds } from './context';
import { reconcileCronJobs } from './controllers/cronjob';
import { reconcileDaemonSets } from './controllers/daemonset';
import { reconcileDeployments } from './controllers/deployment';
import { reconcileEndpoints } from './controllers/endpoints';
import { reconcileEndpointSlices } from './controllers/endpointslice';
import { reconcileHorizontalPodAutoscalers } from './controllers/hpa';
import { reconcileJobs } from './controllers/job';
import { reconcilePersistentVolumeClaims } from './controllers/persistentvolume';
import { reconcileReplicaSets } from './controllers/replicaset';
import { reconcileStatefulSets } from './controllers/statefulset';
import { runKubelets } from './kubelet';
import { snapshot } from './output/objects';
import { schedulePending } from './scheduler/scheduler';
import type { ApplyRecord, SimConfig, SimInput, SimResult } from './types';

export interface SimulateOptions extends ApplyOptions {
  /** Show Secret values in `objects` (masked otherwise). */
  showSecrets?: boolean;
  /** The cluster to apply into; the default kind-like cluster when absent. */
  cluster?: ClusterDescription;
  /** Bounds on pods, objects and rounds (DEFAULT_BOUNDS when absent). */
  bounds?: Partial<SimBounds>;
}

/** The control loops, in the order one round runs them. Each is a pure function of the store. */
const CONTROLLERS: readonly ((sim: Sim) => void)[] = [
  reconcileCronJobs,
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
  // Last: the autoscaler syncs every 15 s, after the workload controllers have already acted on a new object.
  reconcileHorizontalPodAutoscalers,
];

/**
 * `kubectl apply` of the inputs into a fresh cluster, then the controllers,
 * scheduler and kubelets run round after round until a round changes
 * nothing. Deterministic for a given config (clock, rng, names).
 */
export function simulate(inputs: readonly SimInput[], config: SimConfig, options: SimulateOptions): SimResult {
  const sim = startCluster(config, options);
  const apply = applyAll(sim, inputs, options);
  return result(sim, apply, options, false);
}

/** A fresh cluster, already running for a minute before anything is applied. */
export function startCluster(config: SimConfig, options: SimulateOptions): Sim {
  const sim = new Sim(config, { ...DEFAULT_BOUNDS, ...options.bounds });
  bootstrapCluster(sim, options.cluster);
  config.clock.advance(60);
  return sim;
}

/** One `kubectl apply` of the inputs, then the cluster settles. */
export function applyAll(sim: Sim, inputs: readonly SimInput[], options: SimulateOptions): ApplyRecord[] {
  const apply = inputs.map((input) => applyInput(sim, input, options));
  settle(sim);
  return apply;
}

/** The settled cluster as a result; `copy` false hands over the store's objects (the simulation must be over). */
export function result(sim: Sim, apply: ApplyRecord[], options: SimulateOptions, copy = true): SimResult {
  return { apply, objects: snapshot(sim, options.showSecrets === true, copy), events: [...sim.store.events], now: sim.store.now(), limits: [...sim.limits] };
}

/**
 * Runs rounds until one writes nothing. An input that keeps the controllers
 * busy past maxRounds is reported (NotSettled) rather than looping forever.
 */
export function settle(sim: Sim): boolean {
  for (let round = 0; round < sim.bounds.maxRounds; round++) {
    sim.store.dirty = false;
    for (const run of CONTROLLERS) run(sim);
    if (!sim.store.dirty) return true;
    sim.config.clock.advance(1);
  }
  sim.limit('NotSettled', `the controllers were still changing objects after ${sim.bounds.maxRounds} rounds; the objects are shown as they were then`);
  return false;
}
