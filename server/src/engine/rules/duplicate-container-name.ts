import { containersOf, podSpecsOf } from '../k8s/podSpecs';
import type { PathSegment } from '../yaml/ast';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'duplicate-container-name',
    defaultSeverity: 'error',
    description: 'Two containers of one pod with the same name, counting init and ephemeral containers.',
    rationale:
      'Container names identify containers in `kubectl logs -c`, `kubectl exec -c`, status and metrics, so the API server requires them to be unique across `initContainers`, `containers` and `ephemeralContainers` of a pod (`Duplicate value`). This often happens after copying a container block. Rename one of them.',
    example: 'containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: busybox',
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.res)) {
      // validateInitContainers / validateContainers / validateEphemeralContainers share one set of names.
      const seen = new Map<string, PathSegment[]>();
      for (const c of containersOf(pod)) {
        const name = c.container.name;
        if (typeof name !== 'string' || name === '') continue;
        const path = [...c.path, 'name'];
        const first = seen.get(name);
        if (!first) {
          seen.set(name, path);
          continue;
        }
        ctx.report({
          path,
          message: `Duplicate value: "${name}": another container of this pod is already named "${name}". Container names must be unique across initContainers, containers and ephemeralContainers; rename this one.`,
          related: [{ uri: ctx.res.uri, span: ctx.spanOf(first), message: `first container named "${name}"` }],
        });
      }
    }
  },
};
