import { lifecycleOf } from '../k8s/apis';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'unknown-kind',
    defaultSeverity: 'info',
    description: 'A custom resource whose CustomResourceDefinition is not in the workspace.',
    rationale:
      'Custom resources (Istio, cert-manager, Prometheus Operator, …) are validated against their CustomResourceDefinition when the CRD is in the workspace. Without it Kubesim cannot check their fields, and says so once, on the kind. Add the CRD manifest to the workspace to have them checked.',
  },
  check(ctx) {
    const { res, bundle } = ctx;
    if (bundle.kinds[`${res.apiVersion}:${res.kind}`] || lifecycleOf(res.apiVersion, res.kind) || ctx.isCustomResourceKnown()) return;
    if (ctx.builtinGroups.has(res.group)) return; // kind-not-served reports it
    ctx.report({ path: ['kind'], message: `${res.kind} (${res.apiVersion}) is a custom resource; its fields are not checked because its CustomResourceDefinition is not in the workspace.` });
  },
};
