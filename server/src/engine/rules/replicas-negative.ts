import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

const KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'replicas-negative',
    defaultSeverity: 'error',
    description: 'A negative replica count.',
    rationale: 'A workload runs `replicas` pods, so the API server refuses a negative count (ValidateNonnegativeField: `must be greater than or equal to 0`). 0 is allowed: it keeps the object and runs no pods.',
    example: 'spec:\n  replicas: -1',
  },
  check(ctx) {
    if (!KINDS.has(ctx.res.kind) || (ctx.res.group !== 'apps' && ctx.res.group !== '')) return;
    const spec = ctx.res.value.spec;
    if (!isObject(spec) || typeof spec.replicas !== 'number' || !Number.isInteger(spec.replicas) || spec.replicas >= 0) return;
    const error = `spec.replicas: Invalid value: ${spec.replicas}: must be greater than or equal to 0`;
    ctx.report({ path: ['spec', 'replicas'], message: `${error}. Use 0 to keep the ${ctx.res.kind} without pods.`, apiError: error });
  },
};
