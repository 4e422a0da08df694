import { parseQuantityValue } from '../engine/k8s/validation/quantity';
import { remembered } from '../engine/util/memo';

/**
 * A resource.Quantity (a string or a YAML number) as a number in base units
 * (cores for cpu, bytes for memory), or undefined when it is not a quantity.
 * Parsed by the engine's exact port of the API server's parser, so the
 * simulator accepts exactly what the validation does (n and u included).
 */
export function parseQuantity(v: unknown): number | undefined {
  // Every pod of a workload asks the same few quantities ("500m", "256Mi") of admission, the scheduler and the kubelet.
  return typeof v === 'string' ? known(v) : parse(v);
}

const known = remembered((v: string) => parse(v));

function parse(v: unknown): number | undefined {
  const parsed = parseQuantityValue(v);
  return parsed?.ok ? Number(parsed.value.num) / Number(parsed.value.den) : undefined;
}

/** Millicores, rounded up as the scheduler does (Quantity.MilliValue). */
export const milliCpu = (v: unknown): number => Math.ceil((parseQuantity(v) ?? 0) * 1000 - 1e-9);
export const bytes = (v: unknown): number => Math.ceil(parseQuantity(v) ?? 0);
