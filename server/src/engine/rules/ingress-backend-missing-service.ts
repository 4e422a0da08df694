import { ingressBackends } from '../index/refs';
import { closest } from '../util/suggest';
import { notInWorkspace, reportedInOtherNamespace } from '../index/missingRef';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'ingress-backend-missing-service',
    defaultSeverity: 'warning',
    description: 'An Ingress backend names a Service that no manifest in its namespace defines.',
    rationale:
      'An Ingress routes only to Services of its own namespace. When the named Service does not exist the ingress controller has no endpoints for the path and answers 503 (ingress-nginx: "service not found"). When the workspace defines the Service in another namespace, the message says which and links to it (an ExternalName Service in the Ingress\'s namespace can point across); otherwise it names a Service with a similar name when there is one. When the workspace defines no Service at all in the Ingress\'s namespace, its Services may be deployed another way, so a missing one is reported as info.',
    example: 'backend:\n  service:\n    name: web-frontnd\n    port: {number: 80}',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.kind !== 'Ingress' || namespace === undefined) return;
    for (const b of ingressBackends(res)) {
      if (ctx.index.get('', 'Service', namespace, b.name).length) continue;
      const missing = { kind: 'Service', plural: 'Services', name: b.name, namespace };
      const noBackend = 'this Ingress path has no backend and the controller answers 503';
      if (reportedInOtherNamespace(ctx, missing, { path: b.namePath, reader: 'an Ingress', consequence: noBackend })) continue;
      const services = ctx.index.list('', 'Service', namespace);
      if (services.length === 0) {
        // No Service of this namespace is in the workspace: they may be managed elsewhere, so this is advice.
        if (ctx.index.namespaceSettled(res)) ctx.report({ path: b.namePath, severity: 'info', message: notInWorkspace(missing, noBackend) });
        continue;
      }
      const guess = closest(b.name, services.map((s) => s.name));
      const target = guess ? services.find((s) => s.name === guess) : undefined;
      ctx.report({
        path: b.namePath,
        message: `Service "${b.name}" not found in namespace "${namespace}"; this Ingress path has no backend and the controller answers 503.${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `service/${guess} in namespace ${namespace}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(b.namePath), newText: guess }] }] : [],
      });
    }
  },
};
