import type { IndexedResource, IndexView } from '../../index/types';
import { valueAt, isObject, runningPodSpecsOf, runsPods } from '../../k8s/podSpecs';
import { configRefs, ingressBackends } from '../../index/refs';
import { splitApiVersion, type Resource } from '../../k8s/resource';
import type { PathSegment } from '../../yaml/ast';
import { at, ingressesIn, objectAt, samePath, startsWith, uniqueLocations, workloadsIn, type Location } from './locate';
import { keyPathIn, selectorsOfLabels } from './selectors';

/**
 * Find references: from a pod template's labels (or one label) to the selectors that select
 * those pods; from a ConfigMap, Secret, PVC, ServiceAccount or Service (its name, or a data
 * key, or a port) to every field that names it. Only users in the same namespace count.
 */
export function references(view: IndexView, resources: readonly Resource[], offset: number, includeDeclaration: boolean): Location[] {
  try {
    const cur = objectAt(resources, offset);
    if (!cur) return [];
    const ns = view.namespaceOf(cur.res);
    if (ns === undefined) return [];
    const found = usesOf(view, cur.res, ns, cur.path);
    if (!found) return [];
    return uniqueLocations(includeDeclaration ? [found.declaration, ...found.uses] : found.uses);
  } catch {
    return [];
  }
}

interface Found {
  declaration: Location;
  uses: Location[];
}

const onObject = (path: readonly PathSegment[]): boolean => samePath(path, ['metadata', 'name']) || samePath(path, ['kind']);

function usesOf(view: IndexView, res: Resource, ns: string, path: PathSegment[]): Found | undefined {
  for (const p of runningPodSpecsOf(res)) {
    const labelsPath = [...p.templatePath, 'metadata', 'labels'];
    if (!startsWith(path, labelsPath)) continue;
    const key = typeof path[labelsPath.length] === 'string' ? (path[labelsPath.length] as string) : undefined;
    const uses: Location[] = [];
    for (const { user, field } of selectorsOfLabels(view, ns, p.labels)) {
      if (key === undefined) uses.push(at(user, field.path, 'key'));
      else {
        const k = keyPathIn(user.res, field, key);
        if (k) uses.push(at(user, k.path, k.part));
      }
    }
    return { declaration: at(res, key === undefined ? labelsPath : [...labelsPath, key], 'key'), uses };
  }
  const name = res.name;
  if (name && onObject(path) && runsPods(res)) return { declaration: at(res, ['metadata', 'name']), uses: scaleTargetUses(view, res, ns) };
  if (!name || res.group !== '') return undefined;
  if (res.kind === 'ConfigMap' || res.kind === 'Secret') return configUses(view, res, name, ns, path);
  if (res.kind === 'Service') return serviceUses(view, res, name, ns, path);
  if (!onObject(path)) return undefined;
  const declaration = at(res, ['metadata', 'name']);
  if (res.kind === 'PersistentVolumeClaim') return { declaration, uses: podFieldUses(view, ns, (spec, specPath) => claimPaths(spec, specPath, name)) };
  if (res.kind === 'ServiceAccount')
    return {
      declaration,
      uses: podFieldUses(view, ns, (spec, specPath) => ['serviceAccountName', 'serviceAccount'].filter((f) => spec[f] === name).map((f) => [...specPath, f])),
    };
  return undefined;
}

function claimPaths(spec: Record<string, unknown>, specPath: readonly PathSegment[], name: string): PathSegment[][] {
  const volumes = spec.volumes;
  if (!Array.isArray(volumes)) return [];
  const out: PathSegment[][] = [];
  volumes.forEach((v, i) => {
    if (valueAt(v, ['persistentVolumeClaim', 'claimName']) === name) out.push([...specPath, 'volumes', i, 'persistentVolumeClaim', 'claimName']);
  });
  return out;
}

/** Fields of the namespace's pod specs that `pick` chooses. */
function podFieldUses(view: IndexView, ns: string, pick: (spec: Record<string, unknown>, specPath: readonly PathSegment[]) => PathSegment[][]): Location[] {
  const out: Location[] = [];
  for (const w of workloadsIn(view, ns)) for (const p of runningPodSpecsOf(w.res)) for (const path of pick(p.spec, p.specPath)) out.push(at(w, path));
  return out;
}

const DATA_FIELDS: Record<string, readonly string[]> = { ConfigMap: ['data', 'binaryData'], Secret: ['data', 'stringData'] };

function configUses(view: IndexView, res: Resource, name: string, ns: string, path: PathSegment[]): Found | undefined {
  const kind = res.kind as 'ConfigMap' | 'Secret';
  const workloads = workloadsIn(view, ns);
  const refs = workloads.flatMap((w) => configRefs(w.res).filter((r) => r.kind === kind && r.name === name).map((r) => ({ w, r })));
  // A data key: the env entries and volume items that name it, and what reads every key
  // (envFrom, and volumes that list no items, which project each key as a file).
  if (DATA_FIELDS[kind].includes(path[0] as string) && typeof path[1] === 'string') {
    const key = path[1];
    const listsItems = new Set(refs.filter(({ r }) => r.key !== undefined).map(({ w, r }) => w.id + JSON.stringify(r.namePath)));
    const readsAll = refs.filter(({ w, r }) => r.key === undefined && (r.via.startsWith('envFrom') || (r.via.startsWith('volume') && !listsItems.has(w.id + JSON.stringify(r.namePath)))));
    const named = refs.filter(({ r }) => r.key === key && r.keyPath).map(({ w, r }) => at(w, r.keyPath!));
    return { declaration: at(res, [path[0], key], 'key'), uses: [...named, ...readsAll.map(({ w, r }) => at(w, r.namePath))] };
  }
  if (!onObject(path)) return undefined;
  const uses = refs.map(({ w, r }) => at(w, r.namePath));
  if (kind === 'Secret')
    for (const ing of ingressesIn(view, ns)) {
      const tls = valueAt(ing.res.value, ['spec', 'tls']);
      if (Array.isArray(tls)) tls.forEach((t, i) => isObject(t) && t.secretName === name && uses.push(at(ing, ['spec', 'tls', i, 'secretName'])));
    }
  return { declaration: at(res, ['metadata', 'name']), uses };
}

function serviceUses(view: IndexView, res: Resource, name: string, ns: string, path: PathSegment[]): Found | undefined {
  const backends = ingressesIn(view, ns).flatMap((ing) => ingressBackends(ing.res).filter((b) => b.name === name).map((b) => ({ ing, b })));
  const ports = valueAt(res.value, ['spec', 'ports']);
  if (path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number' && Array.isArray(ports) && isObject(ports[path[2]])) {
    const port = ports[path[2]] as Record<string, unknown>;
    const uses = backends
      .filter(({ b }) => b.port && ((b.port.name !== undefined && b.port.name === port.name) || (b.port.number !== undefined && b.port.number === port.port)))
      .map(({ ing, b }) => at(ing, b.port!.path));
    return { declaration: at(res, ['spec', 'ports', path[2]]), uses };
  }
  if (!onObject(path)) return undefined;
  return { declaration: at(res, ['metadata', 'name']), uses: [...backends.map(({ ing, b }) => at(ing, b.namePath))] };
}

/** HorizontalPodAutoscalers that scale this workload. */
function scaleTargetUses(view: IndexView, res: Resource, ns: string): Location[] {
  const hpas: IndexedResource[] = [...view.list('autoscaling', 'HorizontalPodAutoscaler', ns)];
  return hpas
    .filter((h) => {
      const ref = valueAt(h.res.value, ['spec', 'scaleTargetRef']);
      return isObject(ref) && ref.kind === res.kind && ref.name === res.name && typeof ref.apiVersion === 'string' && splitApiVersion(ref.apiVersion).group === res.group;
    })
    .map((h) => at(h, ['spec', 'scaleTargetRef', 'name']));
}
