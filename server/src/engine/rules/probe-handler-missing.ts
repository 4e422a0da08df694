import { containersOf, isObject, podSpecsOf } from '../k8s/podSpecs';
import { fieldPath } from '../util/jsonPath';
import type { PathSegment } from '../yaml/ast';
import { podSpecFinding, podsValidatedLater } from '../k8s/statefulSet';
import type { ResourceContext, ResourceRule } from './types';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HOOKS = ['postStart', 'preStop'];

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'probe-handler-missing',
    defaultSeverity: 'error',
    description: 'A probe or lifecycle hook with no action, or with more than one.',
    rationale:
      'A liveness, readiness or startup probe says how to check the container with exactly one action: `exec`, `httpGet`, `tcpSocket` or `grpc`; a postStart or preStop hook with one of `exec`, `httpGet`, `tcpSocket` or `sleep`. Timing fields alone (`initialDelaySeconds`, `periodSeconds`) are not a probe, and the API server rejects one without an action (`Required value: must specify a handler type`) or with two (`Forbidden: may not specify more than 1 handler type`). The API server checks a StatefulSet\'s pod template only when the StatefulSet creates its pods, so there the StatefulSet is accepted and every pod is refused: a warning, not an error.',
    example: 'livenessProbe:\n  initialDelaySeconds: 5\n  periodSeconds: 10',
  },
  check(ctx) {
    const later = podsValidatedLater(ctx.res.kind);
    for (const pod of podSpecsOf(ctx.res)) {
      for (const { container, path } of containersOf(pod)) {
        // Paths are built only for a handler that is written: most containers have none of these.
        for (const probe of PROBES) if (isObject(container[probe])) checkHandler(ctx, container[probe], path.concat(probe), PROBE_HANDLERS, 'probe', later);
        const lifecycle = container.lifecycle;
        if (isObject(lifecycle)) for (const hook of HOOKS) if (isObject(lifecycle[hook])) checkHandler(ctx, lifecycle[hook], path.concat('lifecycle', hook), HOOK_HANDLERS, 'hook', later);
      }
    }
  },
};

function checkHandler(ctx: ResourceContext, handler: unknown, at: PathSegment[], kinds: string[], what: 'probe' | 'hook', later: boolean): void {
  if (!isObject(handler)) return;
  let count = 0;
  for (const k of kinds) if (handler[k] != null) count++;
  if (count === 1) return;
  const given = kinds.filter((k) => handler[k] != null);
  if (given.length === 0) {
    const error = `${fieldPath(at)}: Required value: must specify a handler type`;
    ctx.report({ path: at, part: 'key', ...podSpecFinding(later, error, `A ${what} needs one action: ${kinds.join(', ')}${what === 'probe' ? ' (e.g. httpGet: {path: /healthz, port: 8080})' : ''}; timing fields alone do nothing.`) });
    return;
  }
  for (const extra of given.slice(1)) {
    const extraAt = at.concat(extra);
    const error = `${fieldPath(extraAt)}: Forbidden: may not specify more than 1 handler type`;
    ctx.report({ path: extraAt, part: 'key', ...podSpecFinding(later, error, `This ${what} already uses ${given[0]}; keep one action.`) });
  }
}
