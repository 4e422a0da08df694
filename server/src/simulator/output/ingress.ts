import { dict, dicts, num, str } from '../obj';
import type { KObject } from '../types';
import { objectLookup } from './lookup';

/** One Ingress path resolved as the ingress controller would route it. */
export interface IngressRoute {
  namespace: string;
  ingress: string;
  /** spec.ingressClassName (set by the DefaultIngressClass admission plugin when omitted), or undefined. */
  ingressClass?: string;
  /** The host the rule matches, `*` for any. */
  host: string;
  /** The path and its pathType, `/*` for a default backend. */
  path: string;
  pathType?: string;
  service?: string;
  /** The Service port as written (number or name). */
  port?: string | number;
  /** Ready endpoints `ip:port` behind that Service port. */
  endpoints: string[];
  /** Why the route cannot carry traffic, in words; undefined when it can. */
  problem?: string;
}

/**
 * Every route of every Ingress: rule host → path → backend Service → its port
 * → the ready endpoints for that port, with what breaks the chain (no such
 * IngressClass, Service, port, or no ready endpoints). Pure over `objects`,
 * the simulator's output, so the CLI and the editor share it.
 */
export function ingressRoutes(objects: readonly KObject[]): IngressRoute[] {
  const find = objectLookup(objects);
  const classes = new Set(objects.filter((o) => o.kind === 'IngressClass').map((o) => o.metadata.name));
  const out: IngressRoute[] = [];
  for (const ing of objects.filter((o) => o.kind === 'Ingress')) {
    const ns = ing.metadata.namespace ?? 'default';
    const spec = dict(ing.spec);
    const ingressClass = str(spec.ingressClassName) ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
    const classProblem = ingressClass === undefined ? 'no IngressClass: no ingress controller will serve it' : !classes.has(ingressClass) && !ing.metadata.annotations?.['kubernetes.io/ingress.class'] ? `IngressClass "${ingressClass}" not found` : undefined;
    const route = (host: string, path: string, pathType: string | undefined, backend: unknown): void => {
      const svcRef = dict(dict(backend).service);
      const service = str(svcRef.name);
      const portRef = dict(svcRef.port);
      const port = num(portRef.number) ?? str(portRef.name);
      const r: IngressRoute = { namespace: ns, ingress: ing.metadata.name, ...(ingressClass ? { ingressClass } : {}), host, path, ...(pathType ? { pathType } : {}), ...(service ? { service } : {}), ...(port !== undefined ? { port } : {}), endpoints: [] };
      const svc = service ? find('Service', ns, service) : undefined;
      const svcPort = dicts(dict(svc?.spec).ports).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
      if (!service) r.problem = dict(backend).resource ? 'resource backend: not routed to a Service' : 'no backend';
      else if (!svc) r.problem = `service "${service}" not found`;
      else if (!svcPort) r.problem = `service "${service}" has no port ${typeof port === 'number' ? port : `named "${port}"`}`;
      else {
        const ep = find('Endpoints', ns, service);
        for (const s of dicts(ep?.subsets)) {
          const p = dicts(s.ports).find((x) => (str(x.name) ?? '') === (str(svcPort.name) ?? ''));
          if (p) for (const a of dicts(s.addresses)) r.endpoints.push(`${a.ip}:${p.port}`);
        }
        if (dict(svc.spec).type === 'ExternalName') r.endpoints.push(`${str(dict(svc.spec).externalName) ?? ''}:${num(svcPort.port) ?? ''}`);
        if (r.endpoints.length === 0) r.problem = `service "${service}" has no ready endpoints`;
      }
      if (!r.problem && classProblem) r.problem = classProblem;
      out.push(r);
    };
    if (spec.defaultBackend) route('*', '/*', undefined, spec.defaultBackend);
    for (const rule of dicts(spec.rules)) {
      const host = str(rule.host) ?? '*';
      for (const p of dicts(dict(rule.http).paths)) route(host, str(p.path) ?? '/', str(p.pathType), p.backend);
    }
  }
  return out;
}
