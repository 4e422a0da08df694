import type { Severity } from '../diagnostic';
import type { WorkspaceContext } from '../rules/types';
import type { PathSegment } from '../yaml/ast';

/** What a reference rule knows of the object a reference names, besides that its own namespace lacks it. */
export interface MissingRef {
  /** The kind as Kubernetes writes it, and its plural for the message. */
  kind: string;
  plural: string;
  name: string;
  /** The namespace the reference is resolved in: the referrer's own. */
  namespace: string;
  /** Which field refers, when the message should say (e.g. "envFrom of container web"). */
  via?: string;
}

/**
 * Reports a reference whose object the workspace defines, but only in other
 * namespaces: references to ConfigMaps, Secrets, claims, ServiceAccounts and
 * Services resolve in the referrer's own namespace, a rule learners meet the
 * hard way. The message names those namespaces, nearest name first, and the
 * finding links to the objects. Returns whether it reported. Nothing is said
 * when the referrer's file has no one namespace (kustomize builds it into
 * several): then "another namespace" means nothing.
 */
export function reportedInOtherNamespace(ctx: WorkspaceContext, ref: MissingRef, at: { path: PathSegment[]; reader: string; consequence: string; severity?: Severity }): boolean {
  if (!ctx.index.namespaceSettled(ctx.res)) return false;
  const found = ctx.index
    .named('', ref.kind, ref.name)
    .filter((o) => o.namespace !== undefined && o.namespace !== ref.namespace)
    .sort((a, b) => (a.namespace! < b.namespace! ? -1 : a.namespace! > b.namespace! ? 1 : 0));
  if (found.length === 0) return false;
  const namespaces = [...new Set(found.map((o) => o.namespace!))];
  const where = namespaces.length === 1 ? `namespace "${namespaces[0]}"` : `namespaces ${namespaces.map((n) => `"${n}"`).join(', ')}`;
  const via = ref.via ? ` (${ref.via})` : '';
  ctx.report({
    path: at.path,
    ...(at.severity ? { severity: at.severity } : {}),
    message: `${ref.kind} "${ref.name}" is defined in ${where}, not in "${ref.namespace}"${via}: ${at.reader} only sees ${ref.plural} of its own namespace, so ${at.consequence}.`,
    related: found.slice(0, 3).map((o) => ({ target: o, path: ['metadata', 'name'], message: `${ref.kind.toLowerCase()}/${ref.name} in namespace ${o.namespace}` })),
  });
  return true;
}

/**
 * The words for a reference to an object of a kind that the workspace defines
 * none of in that namespace. The workspace then does not speak for those
 * objects: `kubectl create`, a Helm chart, an operator or another repository
 * may make them. So the reference is only advice (info), and it says so,
 * while a learner who forgot to write the object still hears about it.
 * Callers stay silent when kustomizations build the file into several
 * namespaces (IndexView.namespaceSettled): its own namespace is then no
 * place it runs in.
 */
export function notInWorkspace(ref: MissingRef, consequence: string): string {
  const via = ref.via ? ` (${ref.via})` : '';
  return `${ref.kind} "${ref.name}" is not defined in this workspace, which has no ${ref.plural} in namespace "${ref.namespace}"${via}. Unless something else creates it, ${consequence}.`;
}
