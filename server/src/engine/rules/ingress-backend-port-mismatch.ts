import { ingressBackends } from '../index/refs';
import type { ServicePortFact } from '../index/types';
import type { WorkspaceRule } from './types';

const describe = (p: ServicePortFact): string => (p.name ? `${p.name} (${p.port})` : String(p.port));

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'ingress-backend-port-mismatch',
    defaultSeverity: 'warning',
    description: 'An Ingress backend port (number or name) that its Service does not have.',
    rationale:
      'An Ingress backend picks one port of the Service: `port.number` must equal a Service `port` (not the targetPort), `port.name` must equal a Service port name. Otherwise the controller finds no endpoints for the path and answers 503. The message lists the ports the Service has.',
    example: 'backend:\n  service:\n    name: web\n    port: {number: 8080}   # the Service port is 80 (targetPort 8080)',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.kind !== 'Ingress' || namespace === undefined) return;
    for (const b of ingressBackends(res)) {
      if (!b.port) continue;
      const svc = ctx.index.get('', 'Service', namespace, b.name)[0];
      const ports = svc?.facts.servicePorts;
      if (!svc || !ports || ports.length === 0) continue;
      const ok = b.port.number !== undefined ? ports.some((p) => p.port === b.port?.number) : ports.some((p) => p.name === b.port?.name);
      if (ok) continue;
      const what = b.port.number !== undefined ? `port ${b.port.number}` : `port name "${b.port.name}"`;
      const hint = b.port.number !== undefined && ports.length === 1 ? ` Did you mean ${ports[0].port}?` : b.port.name !== undefined && ports.length === 1 && ports[0].name ? ` Did you mean "${ports[0].name}"?` : '';
      const only = ports.length === 1 ? (b.port.number !== undefined ? String(ports[0].port) : ports[0].name) : undefined;
      ctx.report({
        path: b.port.path,
        message: `Service "${b.name}" has no ${what}; its ports are ${ports.map(describe).join(', ')}.${hint}`,
        related: [{ target: svc, path: ports[0].path.slice(0, -1), message: `service/${b.name} ports: ${ports.map(describe).join(', ')}` }],
        fixes: only ? [{ title: `Change to ${only}`, edits: [{ uri: res.uri, span: ctx.spanOf(b.port.path), newText: only }] }] : [],
      });
    }
  },
};
