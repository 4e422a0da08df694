import { dict } from '../../obj';
import { unschedulable, type Plugin } from '../framework';
import { nonZeroRequests, podRequests } from '../resources';

/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left
 * ("Too many pods", "Insufficient cpu", "Insufficient memory", "Insufficient
 * <resource>"), and the score is LeastAllocated: the free share of cpu and
 * memory after placing the pod, averaged (the default scoring strategy).
 */
export const resourcesFit: Plugin = {
  name: 'NodeResourcesFit',
  filter(_sim, pod, node) {
    const req = podRequests(dict(pod.spec));
    const reasons: string[] = [];
    if (node.requested.pods + 1 > node.allocatable.pods) reasons.push('Too many pods');
    if (req.milliCpu > 0 && node.requested.milliCpu + req.milliCpu > node.allocatable.milliCpu) reasons.push('Insufficient cpu');
    if (req.memory > 0 && node.requested.memory + req.memory > node.allocatable.memory) reasons.push('Insufficient memory');
    for (const [k, v] of Object.entries(req.scalar)) {
      if (v > 0 && (node.requested.scalar[k] ?? 0) + v > (node.allocatable.scalar[k] ?? 0)) reasons.push(`Insufficient ${k}`);
    }
    return reasons.length ? unschedulable(...reasons) : undefined;
  },
  score(_sim, pod, node) {
    const req = nonZeroRequests(dict(pod.spec));
    const free = (used: number, cap: number): number => (cap <= 0 || used > cap ? 0 : ((cap - used) * 100) / cap);
    return (free(node.nonZeroRequested.milliCpu + req.milliCpu, node.allocatable.milliCpu) + free(node.nonZeroRequested.memory + req.memory, node.allocatable.memory)) / 2;
  },
};
