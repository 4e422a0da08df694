import type { CheckOptions, Engine } from '../engine/check';
import { kindKey } from '../engine/schema/bundle';
import { inputsFromSources, type SourceText } from './apiserver/inputs';
export { rejectingRules } from './apiserver/inputs';
import { nodeManifest, quickNodes, type ClusterDescription } from './cluster';
import type { SimBounds } from './context';
import { diffSimulations, type SimChanges } from './diff/changes';
import { defaultConfig } from './random';
import { applyAll, result, simulate, startCluster, type SimulateOptions } from './simulate';
import type { SimResult } from './types';

export { formatText } from './output/text';
export { streamJson } from './output/json';
export { formatChanges } from './output/changes-text';
export { ingressRoutes, type IngressRoute } from './output/ingress';
export { diffSimulations } from './diff/changes';
export type { SimChanges, ObjectRef, ObjectChange, Rollout, EndpointsChange } from './diff/changes';
export { clusterFromManifests, type ClusterDescription } from './cluster';
export type { SimResult, SimLimit, ApplyRecord, SimEvent, KObject } from './types';
export type { SourceText } from './apiserver/inputs';

/** The quick cluster settings: worker count and the capacity of each worker. */
export interface QuickNodes {
  count: number;
  cpu?: string;
  memory?: string;
}

export interface RunOptions {
  seed?: number;
  defaultNamespace?: string;
  showSecrets?: boolean;
  /** The user's cluster (Node, StorageClass, PersistentVolume, Namespace manifests); the kind-like default when absent. */
  cluster?: ClusterDescription;
  /** Quick settings: replaces the nodes (unless `cluster` describes Nodes). */
  nodes?: QuickNodes;
  /** Bounds on pods per workload, objects and control-loop rounds. */
  bounds?: Partial<SimBounds>;
}

/** A re-apply: the old version settled, then the new version applied over it. */
export interface ReapplyResult {
  before: SimResult;
  after: SimResult;
  changes: SimChanges;
}

/**
 * The simulator's front door for the CLI and the editor: manifest texts in
 * apply order, a seed, and the engine that validates them. Pure: no files,
 * no clock, no Math.random.
 */
export function simulateSources(engine: Engine, files: readonly SourceText[], opts: RunOptions = {}): SimResult {
  const options = simOptions(engine, opts);
  return simulate(inputsFromSources(engine, files, checkOptions(options)), defaultConfig(opts.seed ?? 1), options);
}

/**
 * `kubectl apply` of `oldFiles`, the cluster settles, then `kubectl apply` of
 * `newFiles` into the same cluster (nothing is pruned, as without --prune),
 * and it settles again. `changes` is what the second apply changed.
 */
export function simulateReapply(engine: Engine, oldFiles: readonly SourceText[], newFiles: readonly SourceText[], opts: RunOptions = {}): ReapplyResult {
  const options = simOptions(engine, opts);
  const sim = startCluster(defaultConfig(opts.seed ?? 1), options);
  const before = result(sim, applyAll(sim, inputsFromSources(engine, oldFiles, checkOptions(options)), options), options);
  const secondApply = applyAll(sim, inputsFromSources(engine, newFiles, checkOptions(options)), options);
  const after = result(sim, secondApply, options, false);
  return { before, after, changes: diffSimulations(before, after, secondApply) };
}

function simOptions(engine: Engine, opts: RunOptions): SimulateOptions {
  const cluster: ClusterDescription = { ...opts.cluster };
  if (opts.nodes && !cluster.nodes) cluster.nodes = quickNodes(opts.nodes.count, opts.nodes.cpu, opts.nodes.memory).map(nodeManifest);
  return {
    defaultNamespace: opts.defaultNamespace ?? 'default',
    showSecrets: opts.showSecrets,
    cluster,
    bounds: opts.bounds,
    isServed: (apiVersion, kind) => engine.bundle.kinds[kindKey(apiVersion, kind)] !== undefined,
  };
}

/**
 * The options the apiserver's checks run under: no user severity, only the
 * namespace. One object per namespace, so that the engine's per-document
 * results (kept by options identity) serve the next simulation too.
 */
function checkOptions(o: SimulateOptions): CheckOptions {
  let options = CHECK_OPTIONS.get(o.defaultNamespace);
  if (!options) CHECK_OPTIONS.set(o.defaultNamespace, (options = Object.freeze({ k8sVersion: '1.28', defaultNamespace: o.defaultNamespace })));
  return options;
}

const CHECK_OPTIONS = new Map<string, CheckOptions>();
