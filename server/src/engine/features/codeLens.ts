import type { Span } from '../diagnostic';
import { ingressBackends } from '../index/refs';
import { runningPodSpecsOf, runsPods } from '../k8s/podSpecs';
import type { IndexedResource, IndexView } from '../index/types';
import { objectStart, type Resource } from '../k8s/resource';
import { ingressesIn, written } from './navigation/locate';
import { podCount } from './navigation/podCount';
import { selectedTemplates, selectorFieldsOf, selects } from './navigation/selectors';

/** A line of text shown above an object. */
export interface Lens {
  /** Where the object starts (empty span): editors draw the lens above that line. */
  span: Span;
  title: string;
}

const label = (r: IndexedResource | Resource): string => `${r.kind.toLowerCase()}/${r.name}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Above each Service: how many pods its selector selects and from which workloads. Above each
 * workload: the Services that select its pods and the Ingresses that route to those Services.
 * Everything is looked up in the object's own namespace, as the cluster does.
 */
export function codeLenses(view: IndexView, resources: readonly Resource[]): Lens[] {
  const out: Lens[] = [];
  for (const res of resources) {
    const ns = view.namespaceOf(res);
    const start = objectStart(res);
    if (ns === undefined || start === undefined || !res.name) continue;
    const span = { start: res.document.start + start, end: res.document.start + start };
    try {
      const title = res.kind === 'Service' && res.group === '' ? serviceTitle(view, res, ns) : runsPods(res) ? workloadTitle(view, res, ns) : undefined;
      if (title) out.push({ span, title });
    } catch {
      // a lens is advice: an object too broken to read gets none
    }
  }
  return out;
}

function serviceTitle(view: IndexView, res: Resource, ns: string): string {
  const spec = res.value.spec as Record<string, unknown> | undefined;
  if (spec?.type === 'ExternalName') return `ExternalName: resolves to ${String(spec.externalName ?? '?')}, selects no pods`;
  const f = selectorFieldsOf(res)[0];
  if (!f || Object.keys(f.selector.matchLabels).length === 0) return 'no selector: its endpoints are not managed by Kubernetes';
  const owners = new Map<string, IndexedResource>();
  for (const t of selectedTemplates(view, ns, f)) owners.set(t.owner.id, t.owner);
  // A workspace is often part of what runs (PARTIAL_WORKSPACE_POLICY): with no pods of the namespace in it, nothing can be counted.
  if (owners.size === 0) return view.podTemplates(ns).length ? `selects no pods in namespace ${ns}` : `no workload of namespace ${ns} is in the workspace`;
  let pods = 0;
  const extra: string[] = [];
  const names: string[] = [];
  for (const o of owners.values()) {
    const c = podCount(o.res);
    if ('pods' in c) pods += c.pods;
    else extra.push(c.per === 'node' ? `1 per node (${label(o)})` : `those of ${label(o)} while a job runs`);
    names.push(owners.size > 1 && 'pods' in c ? `${label(o)} (${c.pods})` : label(o));
  }
  const counted = pods > 0 || extra.length === 0 ? [plural(pods, 'pod')] : [];
  return `selects ${[...counted, ...extra].join(' + ')} · ${names.join(', ')}`;
}

/** Run-to-completion pods are rarely behind a Service: for them, only a Service that does select them is worth a line. */
const BATCH = new Set(['Job', 'CronJob']);

function workloadTitle(view: IndexView, res: Resource, ns: string): string | undefined {
  const templates = runningPodSpecsOf(res);
  const services = written(view.list('', 'Service', ns)).filter((svc) => {
    const f = selectorFieldsOf(svc.res)[0];
    return f && templates.some((t) => selects(f, t.labels));
  });
  if (services.length === 0) return BATCH.has(res.kind) ? undefined : 'not exposed: no Service selects its pods';
  const names = new Set(services.map((s) => s.name));
  const ingresses = ingressesIn(view, ns).filter((ing) => ingressBackends(ing.res).some((b) => names.has(b.name)));
  return `exposed by ${[...services, ...ingresses].map(label).join(' · ')}`;
}
