import type { Engine } from '../engine/check';
import { kindKey } from '../engine/schema/bundle';
import { inputsFromSources, type SourceText } from './apiserver/inputs';
import type { NodeShape } from './cluster';
import { defaultConfig } from './random';
import { simulate, type SimulateOptions } from './simulate';
import type { SimResult } from './types';

export { formatText } from './output/text';
export type { SimResult } from './types';
export type { SourceText } from './apiserver/inputs';
export { workerNodes, type NodeShape } from './cluster';

export interface RunOptions {
  seed?: number;
  defaultNamespace?: string;
  showSecrets?: boolean;
  nodes?: NodeShape[];
}

/**
 * The simulator's front door for the CLI and the editor: manifest texts in
 * apply order, a seed, and the engine that validates them. Pure: no files,
 * no clock, no Math.random.
 */
export function simulateSources(engine: Engine, files: readonly SourceText[], opts: RunOptions = {}): SimResult {
  const defaultNamespace = opts.defaultNamespace ?? 'default';
  const inputs = inputsFromSources(engine, files, { k8sVersion: '1.28', defaultNamespace });
  const options: SimulateOptions = {
    defaultNamespace,
    showSecrets: opts.showSecrets,
    nodes: opts.nodes,
    isServed: (apiVersion, kind) => engine.bundle.kinds[kindKey(apiVersion, kind)] !== undefined,
  };
  return simulate(inputs, defaultConfig(opts.seed ?? 1), options);
}
