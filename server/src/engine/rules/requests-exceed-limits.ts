import { containersOf, isObject, podSpecsOf } from '../k8s/podSpecs';
import { compareRational, parseQuantityValue } from '../k8s/validation/quantity';
import type { PathSegment } from '../yaml/ast';
import type { Related } from '../diagnostic';
import type { ResourceContext, ResourceRule } from './types';

/**
 * v1helper.IsOvercommitAllowed: native resources (no domain, or a kubernetes.io
 * domain) other than hugepages may request less than their limit; extended
 * resources such as nvidia.com/gpu must request exactly their limit.
 */
function overcommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'requests-exceed-limits',
    defaultSeverity: 'error',
    description: 'A container requests more of a resource than its limit allows.',
    rationale:
      'A request is what the scheduler reserves; a limit is the most the container may use. A request above the limit is impossible, and the API server rejects the pod (`must be less than or equal to cpu limit`). For extended resources such as `nvidia.com/gpu` and for hugepages, the request must equal the limit. Lower the request or raise the limit; if you set only a limit, the request defaults to it.',
    example: 'resources:\n  requests:\n    cpu: "2"\n  limits:\n    cpu: "1"',
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.res)) {
      checkRequirements(ctx, pod.spec.resources, [...pod.specPath, 'resources']);
      for (const c of containersOf(pod)) checkRequirements(ctx, c.container.resources, [...c.path, 'resources']);
    }
  },
};

function checkRequirements(ctx: ResourceContext, resources: unknown, path: PathSegment[]): void {
  if (!isObject(resources) || !isObject(resources.requests) || !isObject(resources.limits)) return;
  const { requests, limits } = resources;
  for (const [name, req] of Object.entries(requests)) {
    if (!(name in limits)) continue;
    const r = parseQuantityValue(req);
    const l = parseQuantityValue(limits[name]);
    if (!r?.ok || !l?.ok) continue; // invalid-quantity reports those
    const cmp = compareRational(r.value, l.value);
    // A span costs the document's AST (built on demand): ask only when reporting.
    const related = (): Related[] => [{ uri: ctx.res.uri, span: ctx.spanOf([...path, 'limits', name]), message: `${name} limit` }];
    const limitText = String(limits[name]);
    if (!overcommitAllowed(name) && cmp !== 0) {
      ctx.report({
        path: [...path, 'requests', name],
        message: `requests.${name} ${String(req)}: must be equal to ${name} limit (${limitText}). ${name} cannot be overcommitted, so its request and limit must be the same; set one and leave the other out.`,
        related: related(),
      });
    } else if (cmp > 0) {
      ctx.report({
        path: [...path, 'requests', name],
        message: `requests.${name} ${String(req)}: must be less than or equal to ${name} limit of ${limitText}. The API server rejects the pod; lower the request or raise the limit.`,
        related: related(),
      });
    }
  }
}
