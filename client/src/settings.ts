import * as vscode from 'vscode';
import type { SimulateParams } from './protocol';

/** The simulation part of the `kubesim.*` settings, as request parameters (the server reads the cluster settings itself). Invalid values fall back to the defaults. */
export function simulationSettings(): Omit<SimulateParams, 'uris' | 'sources'> {
  const c = vscode.workspace.getConfiguration('kubesim');
  const exclude = c.get<unknown>('exclude');
  return {
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string') : [],
    secretValues: c.get('secretValues') === 'hidden' ? 'hidden' : 'masked',
    // No view shows the last-applied annotation, and it is a fifth of the answer.
    lastApplied: false,
  };
}

export const simulateOnSave = (): boolean => vscode.workspace.getConfiguration('kubesim').get<boolean>('simulateOnSave', true) !== false;
