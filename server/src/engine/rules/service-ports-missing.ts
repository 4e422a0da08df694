import { headlessAt, serviceSpecOf } from '../k8s/service';
import { closest } from '../util/suggest';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'service-ports-missing',
    defaultSeverity: 'error',
    description: 'A Service without ports that is neither headless nor ExternalName.',
    rationale:
      'A Service forwards its ports to the pods it selects, so the API server refuses one with no `ports` unless it is headless (`clusterIP: None`, only DNS records) or of type ExternalName (ValidateService: `spec.ports: Required value`).',
    example: 'kind: Service\nspec:\n  selector:\n    app: web',
  },
  check(ctx) {
    const spec = serviceSpecOf(ctx.res);
    if (!spec) return;
    if (Array.isArray(spec.ports) && spec.ports.length > 0) return;
    if (spec.type === 'ExternalName' || headlessAt(spec)) return;
    // A misspelt ports key (`prots:`) is schema-unknown-field's, with its "did you mean": saying "add ports" too would be noise.
    if (Object.keys(spec).some((k) => k !== 'ports' && closest(k, ['ports']) === 'ports')) return;
    ctx.report({
      path: spec.ports === undefined ? ['spec'] : ['spec', 'ports'],
      part: 'key',
      message: 'spec.ports: Required value. A Service forwards ports: add ports: [{port: 80, targetPort: 8080}] (the port clients use, and the container port), or make it headless with clusterIP: None.',
      apiError: 'spec.ports: Required value',
    });
  },
};
