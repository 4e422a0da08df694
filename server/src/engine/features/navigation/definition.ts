import type { IndexView } from '../../index/types';
import { containersOf, valueAt, isObject, runningPodSpecsOf } from '../../k8s/podSpecs';
import { configRefs, ingressBackends } from '../../index/refs';
import { splitApiVersion, type Resource } from '../../k8s/resource';
import type { PathSegment } from '../../yaml/ast';
import { at, declarationOf, objectAt, samePath, startsWith, uniqueLocations, written, type Location } from './locate';
import { labelKeyAt, selectedTemplates, selectorFieldsOf } from './selectors';

/**
 * Go to definition: from a reference to the object (or the part of it) it names, looked up
 * where Kubernetes looks it up, in the referring object's namespace. Selectors go to the
 * labels of every pod template they select; a label key goes to that label.
 */
export function definition(view: IndexView, resources: readonly Resource[], offset: number): Location[] {
  try {
    const cur = objectAt(resources, offset);
    if (!cur) return [];
    const ns = view.namespaceOf(cur.res);
    return uniqueLocations(ns === undefined ? [] : targets(view, cur.res, ns, cur.path));
  } catch {
    return []; // navigation is best effort on a half-written object
  }
}

function targets(view: IndexView, res: Resource, ns: string, path: PathSegment[]): Location[] {
  for (const f of selectorFieldsOf(res)) {
    if (!startsWith(path, f.path)) continue;
    const key = labelKeyAt(res, f, path);
    return selectedTemplates(view, ns, f).map((t) => at(t.owner, key !== undefined && key in t.labels ? [...t.labelsPath, key] : t.labelsPath, 'key'));
  }
  const named = (group: string, kind: string, name: unknown): Location[] =>
    typeof name === 'string' && name ? view.get(group, kind, ns, name).map(declarationOf) : [];

  for (const p of runningPodSpecsOf(res)) {
    for (const field of ['serviceAccountName', 'serviceAccount'])
      if (samePath(path, [...p.specPath, field])) return named('', 'ServiceAccount', p.spec[field]);
    const volumes = p.spec.volumes;
    if (Array.isArray(volumes))
      for (let i = 0; i < volumes.length; i++)
        if (samePath(path, [...p.specPath, 'volumes', i, 'persistentVolumeClaim', 'claimName'])) return named('', 'PersistentVolumeClaim', valueAt(volumes[i], ['persistentVolumeClaim', 'claimName']));
  }

  for (const ref of configRefs(res)) {
    if (samePath(path, ref.namePath)) return named('', ref.kind, ref.name);
    if (ref.keyPath && ref.key !== undefined && samePath(path, ref.keyPath)) {
      const fields = ref.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['stringData', 'data'];
      // A key goes to its key, never to its value: Secret values stay where they are.
      return written(view.get('', ref.kind, ns, ref.name)).flatMap((o) => fields.filter((f) => isObject(o.res.value[f]) && ref.key! in (o.res.value[f] as object)).map((f) => at(o, [f, ref.key!], 'key')));
    }
  }

  if (res.kind === 'Service' && path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number' && path[3] === 'targetPort') return targetPortTargets(view, res, ns, path[2]);
  if (res.kind === 'Ingress') return ingressTargets(view, res, ns, path);
  // The governing Service that gives a StatefulSet's pods their DNS names.
  if (res.kind === 'StatefulSet' && samePath(path, ['spec', 'serviceName'])) return named('', 'Service', valueAt(res.value, ['spec', 'serviceName']));
  if (res.kind === 'HorizontalPodAutoscaler' && samePath(path, ['spec', 'scaleTargetRef', 'name'])) {
    const ref = valueAt(res.value, ['spec', 'scaleTargetRef']);
    if (isObject(ref) && typeof ref.kind === 'string' && typeof ref.apiVersion === 'string') return named(splitApiVersion(ref.apiVersion).group, ref.kind, ref.name);
  }
  return [];
}

/** A named targetPort resolves against the container ports of the pods the Service selects. */
function targetPortTargets(view: IndexView, res: Resource, ns: string, i: number): Location[] {
  const name = valueAt(res.value, ['spec', 'ports', i, 'targetPort']);
  const f = selectorFieldsOf(res)[0];
  if (typeof name !== 'string' || !f) return [];
  const out: Location[] = [];
  for (const t of selectedTemplates(view, ns, f))
    for (const p of runningPodSpecsOf(t.owner.res))
      for (const c of containersOf(p)) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((port, j) => {
          if (isObject(port) && port.name === name) out.push(at(t.owner, [...c.path, 'ports', j, 'name']));
        });
      }
  return out;
}

function ingressTargets(view: IndexView, res: Resource, ns: string, path: PathSegment[]): Location[] {
  for (const b of ingressBackends(res)) {
    const services = written(view.get('', 'Service', ns, b.name));
    if (samePath(path, b.namePath)) return services.map(declarationOf);
    if (b.port && samePath(path, b.port.path)) {
      const want = b.port;
      return services.flatMap((s) =>
        (s.facts.servicePorts ?? []).filter((p) => (want.name !== undefined ? p.name === want.name : p.port === want.number)).map((p) => at(s, [...p.path, want.name !== undefined ? 'name' : 'port'])),
      );
    }
  }
  const tls = valueAt(res.value, ['spec', 'tls']);
  if (Array.isArray(tls))
    for (let i = 0; i < tls.length; i++) {
      const name = valueAt(tls[i], ['secretName']);
      if (samePath(path, ['spec', 'tls', i, 'secretName']) && typeof name === 'string') return view.get('', 'Secret', ns, name).map(declarationOf);
    }
  const cls = valueAt(res.value, ['spec', 'ingressClassName']);
  if (samePath(path, ['spec', 'ingressClassName']) && typeof cls === 'string') return view.get('networking.k8s.io', 'IngressClass', undefined, cls).map(declarationOf);
  return [];
}
