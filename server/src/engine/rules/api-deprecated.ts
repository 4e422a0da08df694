import { lifecycleOf, minorOf } from '../k8s/apis';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'api-deprecated',
    defaultSeverity: 'info',
    description: 'An apiVersion that still works in the target Kubernetes version but is deprecated.',
    rationale: 'The object applies today, and kubectl prints a deprecation warning. A later release removes the version; moving to the replacement now avoids a failed apply after an upgrade.',
  },
  check(ctx) {
    const { res, settings } = ctx;
    const l = lifecycleOf(res.apiVersion, res.kind);
    const target = minorOf(settings.k8sVersion);
    if (!l || target < minorOf(l.deprecatedIn) || (l.removedIn && target >= minorOf(l.removedIn))) return;
    ctx.report({
      path: ['apiVersion'],
      message: `${res.kind} ${res.apiVersion} is deprecated since Kubernetes ${l.deprecatedIn}${l.removedIn ? ` and removed in ${l.removedIn}` : ''}.${l.replacement ? ` Use apiVersion: ${l.replacement}.` : ''}`,
    });
  },
};
