import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'ingress-class-not-found',
    defaultSeverity: 'info',
    description: 'An ingressClassName that none of the IngressClasses in the workspace has.',
    rationale:
      'An Ingress is served only by the controller whose IngressClass it names; with an unknown class no controller picks it up and nothing routes to it. IngressClasses usually come with the controller\'s own installation, so this is checked only when the workspace defines IngressClasses itself: then a name outside them is likely a typo.',
    example: 'spec:\n  ingressClassName: ngnix',
  },
  check(ctx) {
    const { res } = ctx;
    if (res.kind !== 'Ingress' || !res.group.startsWith('networking.k8s.io')) return;
    const spec = res.value.spec as Record<string, unknown> | undefined;
    const name = spec && typeof spec.ingressClassName === 'string' ? spec.ingressClassName : undefined;
    if (!name) return;
    const classes = ctx.index.list('networking.k8s.io', 'IngressClass', undefined);
    if (classes.length === 0 || classes.some((c) => c.name === name)) return;
    const guess = closest(name, classes.map((c) => c.name));
    const target = classes.find((c) => c.name === guess) ?? classes[0];
    ctx.report({
      path: ['spec', 'ingressClassName'],
      message: `No IngressClass "${name}" in the workspace, which defines ${classes.map((c) => c.name).join(', ')}; no controller will serve this Ingress unless the cluster has that class.${guess ? ` Did you mean "${guess}"?` : ''}`,
      related: [{ target, path: ['metadata', 'name'], message: `ingressclass/${target.name}` }],
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(['spec', 'ingressClassName']), newText: guess }] }] : [],
    });
  },
};
