import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'deployment-strategy-invalid',
    defaultSeverity: 'error',
    description: 'A Deployment strategy the API server refuses: rollingUpdate settings with type Recreate, or maxSurge and maxUnavailable both 0.',
    rationale:
      'With `type: Recreate` the Deployment stops every old pod before it starts new ones, so rolling-update settings make no sense and the API server refuses them (`may not be specified when strategy `type` is \'Recreate\'`). A rolling update must be able to move: with maxSurge 0 it may add no pod and with maxUnavailable 0 remove none, so both 0 is refused (`may not be 0 when `maxSurge` is 0`) (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment).',
    example: 'strategy:\n  type: Recreate\n  rollingUpdate:\n    maxSurge: 1',
  },
  check(ctx) {
    if (ctx.res.group !== 'apps' || ctx.res.kind !== 'Deployment') return;
    const spec = ctx.res.value.spec;
    const strategy = isObject(spec) ? spec.strategy : undefined;
    if (!isObject(strategy)) return;
    const type = typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate';
    if (type === 'Recreate' && strategy.rollingUpdate != null) {
      const error = "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'";
      ctx.report({
        path: ['spec', 'strategy', 'rollingUpdate'],
        part: 'key',
        message: `${error}. Recreate stops all old pods first; remove rollingUpdate, or use type RollingUpdate.`,
        apiError: error,
      });
      return;
    }
    const rolling = strategy.rollingUpdate;
    if (type !== 'RollingUpdate' || !isObject(rolling)) return;
    const zero = (v: unknown): boolean => v === 0 || v === '0%' || v === '0';
    // Defaulting fills an unwritten one with 25%, which is not 0.
    if (zero(rolling.maxSurge) && zero(rolling.maxUnavailable)) {
      const error = `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:${typeof rolling.maxUnavailable === 'number' ? 0 : 1}, IntVal:0, StrVal:${JSON.stringify(typeof rolling.maxUnavailable === 'number' ? '' : rolling.maxUnavailable)}}: may not be 0 when \`maxSurge\` is 0`;
      ctx.report({
        path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
        message: `${error}. With neither an extra pod nor a missing one allowed, a rollout could never replace a pod: raise one of them.`,
        apiError: error,
      });
    }
  },
};
