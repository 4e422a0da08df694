import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'hpa-replicas-invalid',
    defaultSeverity: 'error',
    description: 'A HorizontalPodAutoscaler whose minReplicas is below 1 or above maxReplicas.',
    rationale:
      'The autoscaler keeps the replica count between minReplicas (1 when not written) and maxReplicas, so the API server refuses a range that is empty or starts below 1 (validateHorizontalPodAutoscalerSpec: `must be greater than or equal to 1`, `must be greater than or equal to `minReplicas``; scaling to zero needs the HPAScaleToZero feature gate, off by default).',
    example: 'spec:\n  minReplicas: 5\n  maxReplicas: 2',
  },
  check(ctx) {
    if (ctx.res.group !== 'autoscaling' || ctx.res.kind !== 'HorizontalPodAutoscaler') return;
    const spec = ctx.res.value.spec;
    if (!isObject(spec)) return;
    const min = spec.minReplicas;
    const max = spec.maxReplicas;
    if (typeof min === 'number' && Number.isInteger(min) && min < 1) {
      const error = `spec.minReplicas: Invalid value: ${min}: must be greater than or equal to 1`;
      ctx.report({ path: ['spec', 'minReplicas'], message: `${error}. An autoscaler keeps at least one pod; leave minReplicas out for 1.`, apiError: error });
    }
    if (typeof max === 'number' && Number.isInteger(max) && typeof min === 'number' && Number.isInteger(min) && min > max) {
      const error = `spec.maxReplicas: Invalid value: ${max}: must be greater than or equal to \`minReplicas\``;
      ctx.report({ path: ['spec', 'maxReplicas'], message: `${error}. minReplicas is ${min}: raise maxReplicas to at least that, or lower minReplicas.`, apiError: error });
    }
  },
};
