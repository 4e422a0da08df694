import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import { containersOf, isObject, runningPodSpecsOf, valueAt } from '../k8s/podSpecs';

export interface IngressBackend {
  /** Path to the service name value. */
  namePath: PathSegment[];
  name: string;
  port?: { number?: number; name?: string; path: PathSegment[] };
}

function backendAt(backend: unknown, path: PathSegment[], legacy: boolean): IngressBackend | undefined {
  if (!isObject(backend)) return undefined;
  if (legacy) {
    // extensions/v1beta1 and networking.k8s.io/v1beta1: serviceName + servicePort (number or name).
    if (typeof backend.serviceName !== 'string') return undefined;
    const sp = backend.servicePort;
    const port = typeof sp === 'number' ? { number: sp } : typeof sp === 'string' ? (/^\d+$/.test(sp) ? { number: Number(sp) } : { name: sp }) : undefined;
    return { namePath: [...path, 'serviceName'], name: backend.serviceName, ...(port ? { port: { ...port, path: [...path, 'servicePort'] } } : {}) };
  }
  const svc = backend.service;
  if (!isObject(svc) || typeof svc.name !== 'string') return undefined;
  const p = svc.port;
  let port: IngressBackend['port'];
  if (isObject(p) && typeof p.number === 'number') port = { number: p.number, path: [...path, 'service', 'port', 'number'] };
  else if (isObject(p) && typeof p.name === 'string') port = { name: p.name, path: [...path, 'service', 'port', 'name'] };
  return { namePath: [...path, 'service', 'name'], name: svc.name, ...(port ? { port } : {}) };
}

/** Every Service backend of an Ingress: the default backend and each rule path. */
export function ingressBackends(res: Resource): IngressBackend[] {
  const spec = res.value.spec;
  if (!isObject(spec)) return [];
  const legacy = res.apiVersion !== 'networking.k8s.io/v1';
  const out: IngressBackend[] = [];
  const top = legacy ? 'backend' : 'defaultBackend';
  const d = backendAt(spec[top], ['spec', top], legacy);
  if (d) out.push(d);
  if (Array.isArray(spec.rules))
    spec.rules.forEach((rule, i) => {
      const paths = valueAt(rule, ['http', 'paths']);
      if (Array.isArray(paths))
        paths.forEach((p, j) => {
          const b = backendAt(valueAt(p, ['backend']), ['spec', 'rules', i, 'http', 'paths', j, 'backend'], legacy);
          if (b) out.push(b);
        });
    });
  return out;
}

export type RefKind = 'ConfigMap' | 'Secret';

/** One reference from a pod spec to a ConfigMap or Secret, and optionally a key in it. */
export interface ObjectRef {
  kind: RefKind;
  name: string;
  namePath: PathSegment[];
  key?: string;
  keyPath?: PathSegment[];
  optional: boolean;
  /** Where it came from, for the message: "envFrom", "env LOG_LEVEL", "volume config", "imagePullSecrets". */
  via: string;
}

function itemsRefs(out: ObjectRef[], kind: RefKind, name: string, namePath: PathSegment[], items: unknown, itemsPath: PathSegment[], optional: boolean, via: string): void {
  out.push({ kind, name, namePath, optional, via });
  if (!Array.isArray(items)) return;
  items.forEach((it, k) => {
    if (isObject(it) && typeof it.key === 'string') out.push({ kind, name, namePath, key: it.key, keyPath: [...itemsPath, k, 'key'], optional, via });
  });
}

/**
 * ConfigMap and Secret references of every pod spec of a resource: envFrom,
 * env valueFrom, volumes (configMap, secret, projected sources) and
 * imagePullSecrets (pkg/api/v1/pod VisitPodSecretNames / VisitPodConfigmapNames list the same places).
 */
export function configRefs(res: Resource): ObjectRef[] {
  const out: ObjectRef[] = [];
  const opt = (v: unknown): boolean => v === true;
  for (const p of runningPodSpecsOf(res)) {
    for (const { path, container } of containersOf(p)) {
      const cname = typeof container.name === 'string' ? container.name : '?';
      if (Array.isArray(container.envFrom))
        container.envFrom.forEach((e, i) => {
          if (!isObject(e)) return;
          for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
            const r = e[field];
            if (isObject(r) && typeof r.name === 'string') out.push({ kind, name: r.name, namePath: [...path, 'envFrom', i, field, 'name'], optional: opt(r.optional), via: `envFrom of container ${cname}` });
          }
        });
      if (Array.isArray(container.env))
        container.env.forEach((e, i) => {
          if (!isObject(e) || !isObject(e.valueFrom)) return;
          for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
            const r = e.valueFrom[field];
            if (!isObject(r) || typeof r.name !== 'string') continue;
            const base = [...path, 'env', i, 'valueFrom', field];
            out.push({ kind, name: r.name, namePath: [...base, 'name'], ...(typeof r.key === 'string' ? { key: r.key, keyPath: [...base, 'key'] } : {}), optional: opt(r.optional), via: `env ${String(e.name)} of container ${cname}` });
          }
        });
    }
    const volumes = p.spec.volumes;
    if (Array.isArray(volumes))
      volumes.forEach((v, i) => {
        if (!isObject(v)) return;
        const vp = [...p.specPath, 'volumes', i];
        const via = `volume ${String(v.name)}`;
        const cm = v.configMap;
        if (isObject(cm) && typeof cm.name === 'string') itemsRefs(out, 'ConfigMap', cm.name, [...vp, 'configMap', 'name'], cm.items, [...vp, 'configMap', 'items'], opt(cm.optional), via);
        const sec = v.secret;
        if (isObject(sec) && typeof sec.secretName === 'string') itemsRefs(out, 'Secret', sec.secretName, [...vp, 'secret', 'secretName'], sec.items, [...vp, 'secret', 'items'], opt(sec.optional), via);
        const sources = valueAt(v, ['projected', 'sources']);
        if (Array.isArray(sources))
          sources.forEach((s, j) => {
            if (!isObject(s)) return;
            const sp = [...vp, 'projected', 'sources', j];
            for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
              const r = s[field];
              if (isObject(r) && typeof r.name === 'string') itemsRefs(out, kind, r.name, [...sp, field, 'name'], r.items, [...sp, field, 'items'], opt(r.optional), via);
            }
          });
      });
    const pulls = p.spec.imagePullSecrets;
    if (Array.isArray(pulls))
      pulls.forEach((s, i) => {
        if (isObject(s) && typeof s.name === 'string' && s.name) out.push({ kind: 'Secret', name: s.name, namePath: [...p.specPath, 'imagePullSecrets', i, 'name'], optional: false, via: 'imagePullSecrets' });
      });
  }
  return out;
}
