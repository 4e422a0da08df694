import * as vscode from 'vscode';
import type { SimulateParams } from './protocol';

/** The simulation part of the `kubesim.*` settings, as request parameters. Invalid values fall back to the defaults. */
export function simulationSettings(): Omit<SimulateParams, 'uris' | 'sources'> {
  const c = vscode.workspace.getConfiguration('kubesim');
  const exclude = c.get<unknown>('exclude');
  const count = c.get<unknown>('cluster.nodes');
  const cpu = c.get<unknown>('cluster.nodeCpu');
  const memory = c.get<unknown>('cluster.nodeMemory');
  const quantity = /^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
  return {
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string') : [],
    secretValues: c.get('secretValues') === 'hidden' ? 'hidden' : 'masked',
    nodes: {
      count: typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 1000 ? count : 3,
      cpu: typeof cpu === 'string' && quantity.test(cpu) ? cpu : '4',
      memory: typeof memory === 'string' && quantity.test(memory) ? memory : '16Gi',
    },
  };
}

export const simulateOnSave = (): boolean => vscode.workspace.getConfiguration('kubesim').get<boolean>('simulateOnSave', true) !== false;
