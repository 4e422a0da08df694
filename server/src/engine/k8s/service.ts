import type { PathSegment } from '../yaml/ast';
import { isObject } from './podSpecs';

/**
 * Where a Service spec says it is headless: `clusterIP: None`, or, with no
 * clusterIP written, `clusterIPs: [None]`. Undefined when it is not.
 */
export function headlessAt(spec: Record<string, unknown>): PathSegment[] | undefined {
  if (spec.clusterIP === 'None') return ['spec', 'clusterIP'];
  if (spec.clusterIP === undefined && Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None') return ['spec', 'clusterIPs', 0];
  return undefined;
}

/** The spec of a core Service, or undefined for anything else. */
export const serviceSpecOf = (res: { group: string; kind: string; value: Record<string, unknown> }): Record<string, unknown> | undefined =>
  res.group === '' && res.kind === 'Service' && isObject(res.value.spec) ? res.value.spec : undefined;
