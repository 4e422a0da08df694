import type { Sim } from '../context';
import type { KObject } from '../types';

/**
 * A slice of the kube-scheduler framework (pkg/scheduler/framework): plugins
 * with PreFilter, Filter and Score, and statuses whose reasons make up the
 * FailedScheduling message.
 */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: Code;
  reasons: string[];
}

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

/** framework.NodeInfo: a node with what the pods bound to it already request. */
export interface NodeInfo {
  node: KObject;
  name: string;
  labels: Record<string, string>;
  allocatable: { milliCpu: number; memory: number; pods: number; scalar: Record<string, number> };
  requested: { milliCpu: number; memory: number; pods: number; scalar: Record<string, number> };
  /** Requests with the scheduler's non-zero defaults (100m, 200MB), used for scoring. */
  nonZeroRequested: { milliCpu: number; memory: number };
}

export interface Plugin {
  name: string;
  /** A pod-wide check; a failure applies to every node. */
  preFilter?(sim: Sim, pod: KObject): Status | undefined;
  filter?(sim: Sim, pod: KObject, node: NodeInfo): Status | undefined;
  /** 0..100, higher is better. */
  score?(sim: Sim, pod: KObject, node: NodeInfo): number;
}

/**
 * FitError.Error (pkg/scheduler/framework/types.go): "0/N nodes are
 * available:" then the PreFilter message, or the sorted histogram of Filter
 * reasons ("3 Insufficient cpu"), then the PostFilter (preemption) message,
 * each added with the format " %v.".
 */
export function fitErrorMessage(numNodes: number, preFilterMsg: string | undefined, nodeStatuses: ReadonlyMap<string, Status>, postFilterMsg?: string): string {
  let msg = `0/${numNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const histogram = new Map<string, number>();
    for (const s of nodeStatuses.values()) for (const r of s.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
    const parts = [...histogram].map(([r, n]) => `${n} ${r}`).sort();
    if (parts.length) msg += ` ${parts.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}.`;
  return msg;
}

/**
 * The DefaultPreemption PostFilter's answer when no victims can help, as
 * Evaluator.Preempt phrases it: nodes that failed with
 * UnschedulableAndUnresolvable are "Preemption is not helpful for scheduling";
 * the others have no lower-priority pods to evict in the simulation (every pod
 * has priority 0), so "No preemption victims found for incoming pod".
 */
export function preemptionMessage(numNodes: number, nodeStatuses: ReadonlyMap<string, Status>): string {
  const histogram = new Map<string, number>();
  for (const s of nodeStatuses.values()) {
    const r = s.code === 'UnschedulableAndUnresolvable' ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod';
    histogram.set(r, (histogram.get(r) ?? 0) + 1);
  }
  const parts = [...histogram].map(([r, n]) => `${n} ${r}`).sort();
  return `preemption: 0/${numNodes} nodes are available: ${parts.join(', ')}.`;
}
