import { dict, dicts, type Dict } from '../obj';
import { bytes, milliCpu, parseQuantity } from '../quantity';

export interface PodRequests {
  milliCpu: number;
  memory: number;
  scalar: Record<string, number>;
}

/**
 * resource.PodRequests (k8s.io/component-helpers/resource): the sum over
 * containers, raised to the largest init container, plus pod overhead.
 */
export function podRequests(spec: Dict): PodRequests {
  const sum: PodRequests = { milliCpu: 0, memory: 0, scalar: {} };
  const add = (into: PodRequests, reqs: Dict): void => {
    for (const [k, v] of Object.entries(reqs)) {
      if (k === 'cpu') into.milliCpu += milliCpu(v);
      else if (k === 'memory') into.memory += bytes(v);
      else into.scalar[k] = (into.scalar[k] ?? 0) + (parseQuantity(v) ?? 0);
    }
  };
  for (const c of dicts(spec.containers)) add(sum, dict(dict(c.resources).requests));
  for (const c of dicts(spec.initContainers)) {
    const one: PodRequests = { milliCpu: 0, memory: 0, scalar: {} };
    add(one, dict(dict(c.resources).requests));
    sum.milliCpu = Math.max(sum.milliCpu, one.milliCpu);
    sum.memory = Math.max(sum.memory, one.memory);
    for (const [k, v] of Object.entries(one.scalar)) sum.scalar[k] = Math.max(sum.scalar[k] ?? 0, v);
  }
  add(sum, dict(spec.overhead));
  return sum;
}

/** schedutil.GetNonzeroRequests: containers that request nothing count as 100m and 200MB when scoring. */
export function nonZeroRequests(spec: Dict): { milliCpu: number; memory: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of dicts(spec.containers)) {
    const r = dict(dict(c.resources).requests);
    cpu += r.cpu === undefined ? 100 : milliCpu(r.cpu);
    mem += r.memory === undefined ? 200 * 1024 * 1024 : bytes(r.memory);
  }
  return { milliCpu: cpu, memory: mem };
}
