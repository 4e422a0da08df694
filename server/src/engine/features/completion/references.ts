import type { IndexedResource, IndexView } from '../../index/types';
import { matchesLabels } from '../../index/labels';
import { effectiveNamespace } from '../../index/scope';
import { splitApiVersion } from '../../k8s/resource';
import type { PathSegment } from '../../yaml/ast';
import type { CompletionEntry } from '../completion';
import type { CompletionCursor } from '../cursor';
import { docMap, docValue } from './docValues';
import { labelKeyEntries, labelKeyValues, labelValueEntries } from './labels';
import { valueLead, yamlScalar } from './text';

/** What completion may read of the workspace. */
export interface WorkspaceLookup {
  index: IndexView;
  defaultNamespace: string;
}

const CONFIGMAP_NAME = new Set(['configMapRef', 'configMapKeyRef', 'configMap']);
const SECRET_NAME = new Set(['secretRef', 'secretKeyRef']);

/**
 * Values that name other objects of the workspace: label keys and values in selectors,
 * Service names and ports in Ingress backends (and a StatefulSet's serviceName), HPA targets, ConfigMap and Secret names and keys, claim
 * and ServiceAccount names, container port names for a targetPort. Only objects of the
 * document's namespace are offered. Secrets give their names and keys, never their values.
 * Undefined when the cursor is on none of these fields.
 */
export function workspaceCompletions(cursor: CompletionCursor, ws: WorkspaceLookup): CompletionEntry[] | undefined {
  const kind = cursor.identity.kind ?? '';
  const ns = effectiveNamespace(kind, docValue(cursor, ['metadata', 'namespace']), ws.defaultNamespace);
  if (ns === undefined) return undefined;
  const view = ws.index;
  const P = cursor.path;
  const n = P.length;
  const last = P[n - 1];
  const parent = P[n - 2];
  const equalitySelector = (kind === 'Service' || kind === 'ReplicationController') && P[0] === 'spec' && P[1] === 'selector';

  if (cursor.position === 'key') {
    if ((equalitySelector && n === 2) || (last === 'matchLabels' && selectsPods(P.slice(0, -1)))) return labelKeyEntries(view, ns, cursor);
    return undefined;
  }
  const lead = valueLead(cursor);
  const names = (group: string, k: string, extra: string[] = []): CompletionEntry[] => nameEntries(view.list(group, k, ns), k, ns, extra, cursor, lead);
  const sibling = (key: string): string | undefined => docValue(cursor, [...P.slice(0, n - 1), key]);

  if ((equalitySelector && n === 3 && typeof last === 'string') || (parent === 'matchLabels' && typeof last === 'string' && selectsPods(P.slice(0, -2)))) return labelValueEntries(view, ns, last as string, cursor, lead);
  if (last === 'key' && P[n - 3] === 'matchExpressions' && selectsPods(P.slice(0, -3))) return labelKeyValues(view, ns, cursor, lead);
  if (parent === 'persistentVolumeClaim' && last === 'claimName') return names('', 'PersistentVolumeClaim');
  if (last === 'serviceAccountName' || last === 'serviceAccount') return names('', 'ServiceAccount', ['default']);
  if (last === 'name' && typeof parent === 'string' && CONFIGMAP_NAME.has(parent)) return names('', 'ConfigMap');
  if ((last === 'name' && typeof parent === 'string' && SECRET_NAME.has(parent)) || (parent === 'secret' && (last === 'secretName' || last === 'name'))) return names('', 'Secret');
  if (last === 'name' && typeof parent === 'number' && P[n - 3] === 'imagePullSecrets') return names('', 'Secret');
  if (last === 'key' && (parent === 'configMapKeyRef' || parent === 'secretKeyRef')) return keyEntries(view, parent === 'configMapKeyRef' ? 'ConfigMap' : 'Secret', ns, sibling('name'), cursor, lead);
  if (last === 'key' && typeof parent === 'number' && P[n - 3] === 'items' && (P[n - 4] === 'configMap' || P[n - 4] === 'secret')) {
    const obj = P[n - 4] === 'configMap' ? 'ConfigMap' : 'Secret';
    const volume = P.slice(0, n - 3);
    return keyEntries(view, obj, ns, docValue(cursor, [...volume, obj === 'ConfigMap' ? 'name' : 'secretName']) ?? docValue(cursor, [...volume, 'name']), cursor, lead);
  }
  if (kind === 'Ingress') return ingressCompletions(cursor, view, ns, lead, names);
  if (kind === 'StatefulSet' && n === 2 && P[0] === 'spec' && last === 'serviceName') return names('', 'Service');
  if (kind === 'HorizontalPodAutoscaler' && n === 3 && P[1] === 'scaleTargetRef' && last === 'name') {
    const target = docValue(cursor, ['spec', 'scaleTargetRef', 'kind']);
    const apiVersion = docValue(cursor, ['spec', 'scaleTargetRef', 'apiVersion']);
    return target ? names(splitApiVersion(apiVersion ?? '').group, target) : [];
  }
  if (kind === 'Service' && n === 4 && P[0] === 'spec' && P[1] === 'ports' && typeof P[2] === 'number' && last === 'targetPort') return targetPortEntries(view, ns, docMap(cursor, ['spec', 'selector']), cursor, lead);
  return undefined;
}

function ingressCompletions(cursor: CompletionCursor, view: IndexView, ns: string, lead: string, names: (g: string, k: string) => CompletionEntry[]): CompletionEntry[] | undefined {
  const P = cursor.path;
  const n = P.length;
  const last = P[n - 1];
  if ((last === 'name' && P[n - 2] === 'service') || last === 'serviceName') return names('', 'Service');
  if (P[0] === 'spec' && P[1] === 'tls' && last === 'secretName') return names('', 'Secret');
  const servicePort = (service: string | undefined, want: 'name' | 'number' | 'both'): CompletionEntry[] => {
    const out: CompletionEntry[] = [];
    for (const svc of service ? view.get('', 'Service', ns, service) : [])
      for (const p of svc.facts.servicePorts ?? []) {
        const detail = `port ${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol} of service/${svc.name}`;
        if (p.name && want !== 'number') out.push({ label: p.name, kind: 'value', insertText: lead + yamlScalar(p.name), detail, filterText: p.name, replace: cursor.replace });
        if (want !== 'name') out.push({ label: String(p.port), kind: 'value', insertText: lead + String(p.port), detail, filterText: String(p.port), sortText: `1_${p.port}`, replace: cursor.replace });
      }
    return out;
  };
  if (P[n - 2] === 'port' && P[n - 3] === 'service' && (last === 'name' || last === 'number')) return servicePort(docValue(cursor, [...P.slice(0, n - 2), 'name']), last);
  if (last === 'servicePort') return servicePort(docValue(cursor, [...P.slice(0, n - 1), 'serviceName']), 'both');
  return undefined;
}

function nameEntries(objects: readonly IndexedResource[], kind: string, ns: string, extra: string[], cursor: CompletionCursor, lead: string): CompletionEntry[] {
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const o of objects) {
    if (seen.has(o.name)) continue;
    seen.add(o.name);
    const detail = o.facts.generatedBy ? `${kind} made by ${o.facts.generatedBy} in namespace ${ns}` : `${kind} in namespace ${ns}`;
    out.push({ label: o.name, kind: 'value', insertText: lead + yamlScalar(o.name), detail, filterText: o.name, replace: cursor.replace });
  }
  for (const name of extra)
    if (!seen.has(name)) out.push({ label: name, kind: 'value', insertText: lead + name, detail: `${kind} every namespace has`, sortText: `1_${name}`, filterText: name, replace: cursor.replace });
  return out;
}

/** Keys of a ConfigMap or Secret: the names of its data entries, never the data. */
function keyEntries(view: IndexView, kind: 'ConfigMap' | 'Secret', ns: string, name: string | undefined, cursor: CompletionCursor, lead: string): CompletionEntry[] {
  if (!name) return [];
  const keys = new Set<string>();
  for (const o of view.get('', kind, ns, name)) for (const k of o.facts.keys ?? []) keys.add(k);
  return [...keys].sort().map((k) => ({ label: k, kind: 'value', insertText: lead + yamlScalar(k), detail: `key of ${kind.toLowerCase()}/${name}`, filterText: k, replace: cursor.replace }));
}

/**
 * True when the label selector at `path` selects pods: a workload's or PDB's spec.selector, a
 * podSelector, a labelSelector (topology spread, pod affinity). Not a namespaceSelector, a
 * node selector term, or an HPA metric selector, which select other things.
 */
function selectsPods(path: readonly PathSegment[]): boolean {
  const last = path[path.length - 1];
  if (last === 'podSelector' || last === 'labelSelector') return true;
  return last === 'selector' && (path.length === 2 || (path.length === 4 && path[1] === 'jobTemplate')) && path[0] === 'spec';
}

/** Container ports of the pods the Service's selector selects: names first, then numbers. */
function targetPortEntries(view: IndexView, ns: string, selector: Record<string, string>, cursor: CompletionCursor, lead: string): CompletionEntry[] {
  if (Object.keys(selector).length === 0) return [];
  const out = new Map<string, CompletionEntry>();
  for (const t of view.podTemplates(ns)) {
    if (!matchesLabels(selector, t.labels)) continue;
    const owner = `${t.owner.kind.toLowerCase()}/${t.owner.name}`;
    for (const p of t.ports) {
      const detail = `containerPort ${p.containerPort}/${p.protocol} of ${owner}`;
      if (p.name && !out.has(p.name)) out.set(p.name, { label: p.name, kind: 'value', insertText: lead + yamlScalar(p.name), detail, sortText: `0_${p.name}`, filterText: p.name, replace: cursor.replace });
      const num = String(p.containerPort);
      if (!out.has(num)) out.set(num, { label: num, kind: 'value', insertText: lead + num, detail, sortText: `1_${num.padStart(5, '0')}`, filterText: num, replace: cursor.replace });
    }
  }
  return [...out.values()];
}
