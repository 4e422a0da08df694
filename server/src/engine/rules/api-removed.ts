import { lifecycleOf, minorOf } from '../k8s/apis';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'api-removed',
    defaultSeverity: 'error',
    description: 'An apiVersion that the target Kubernetes version no longer serves.',
    rationale:
      'Kubernetes removes beta APIs some releases after their stable replacement ships. Applying an object with a removed apiVersion fails with `no matches for kind "Ingress" in version "extensions/v1beta1"`. Change the apiVersion to the replacement the message names; some kinds also changed shape on the way (an Ingress backend became `service.name` and `service.port`), so check the fields too. The target version is the `kubesim.kubernetesVersion` setting or the `--k8s-version` flag.',
    example: 'apiVersion: extensions/v1beta1\nkind: Ingress',
  },
  check(ctx) {
    const { res, settings } = ctx;
    const l = lifecycleOf(res.apiVersion, res.kind);
    if (!l?.removedIn || minorOf(settings.k8sVersion) < minorOf(l.removedIn)) return;
    const instead = l.replacement ? ` Use apiVersion: ${l.replacement}.` : '';
    ctx.report({
      path: ['apiVersion'],
      message: `${res.kind} ${res.apiVersion} was removed in Kubernetes ${l.removedIn}; the API server answers: no matches for kind "${res.kind}" in version "${res.apiVersion}".${instead}${l.note ? ' ' + l.note : ''}`,
      fixes: l.replacement ? [{ title: `Change to ${l.replacement}`, edits: [{ uri: res.uri, span: ctx.spanOf(['apiVersion']), newText: l.replacement }] }] : [],
    });
  },
};
