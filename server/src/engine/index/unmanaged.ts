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
export function notInWorkspace(ref: { kind: string; plural: string; name: string; namespace: string; via?: string }, consequence: string): string {
  const via = ref.via ? ` (${ref.via})` : '';
  return `${ref.kind} "${ref.name}" is not defined in this workspace, which has no ${ref.plural} in namespace "${ref.namespace}"${via}. Unless something else creates it, ${consequence}.`;
}
