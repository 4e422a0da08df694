import { BUILTIN_NAMESPACES } from '../index/scope';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'namespace-not-found',
    defaultSeverity: 'error',
    description: 'An object in a namespace that no Namespace manifest of the workspace creates.',
    rationale:
      'The API server refuses to create an object in a namespace that does not exist: `kubectl apply` fails with `namespaces "x" not found` (the NamespaceLifecycle admission plugin). default, kube-system, kube-public and kube-node-lease always exist. Namespaces are often created outside the manifests, so this is checked only when the workspace defines at least one Namespace itself; then an object in any other namespace is most likely a typo.',
    example: 'metadata:\n  namespace: prodution   # the Namespace is production',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (namespace === undefined || BUILTIN_NAMESPACES.has(namespace)) return;
    const namespaces = ctx.index.list('', 'Namespace', undefined);
    if (namespaces.length === 0 || namespaces.some((n) => n.name === namespace)) return;
    const guess = closest(namespace, namespaces.map((n) => n.name));
    const target = namespaces.find((n) => n.name === guess) ?? namespaces[0];
    // A kustomization's namespace replaces the written one: then editing the manifest would change nothing.
    const fromKustomization = namespace !== (res.namespace ?? ctx.settings.defaultNamespace);
    const written = res.namespace !== undefined && !fromKustomization;
    const path = written ? ['metadata', 'namespace'] : ['kind'];
    ctx.report({
      path,
      message: `namespaces "${namespace}" not found: no Namespace manifest in the workspace creates it (they create ${namespaces.map((n) => n.name).join(', ')}), so applying this object fails.${fromKustomization ? ' The namespace is set by the kustomization that builds this file.' : ''}${guess ? ` Did you mean "${guess}"?` : ''}`,
      related: [{ target, path: ['metadata', 'name'], message: `namespace/${target.name}` }],
      fixes: guess && written ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
    });
  },
};
