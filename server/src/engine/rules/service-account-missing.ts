import { runningPodSpecsOf } from '../k8s/podSpecs';
import { closest } from '../util/suggest';
import { reportedInOtherNamespace } from '../index/missingRef';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'service-account-missing',
    defaultSeverity: 'warning',
    description: 'A pod runs as a ServiceAccount that the workspace does not define in its namespace.',
    rationale:
      'The ServiceAccount admission plugin rejects a pod whose service account does not exist (`error looking up service account ns/x: serviceaccount "x" not found`), so a Deployment or Job never gets its pods. `default` exists in every namespace. When the workspace defines the ServiceAccount in another namespace, the message says which and links to it. ServiceAccounts are often created by other tooling, so this is checked only in namespaces where the workspace defines at least one ServiceAccount, or when it defines this one in another namespace. The deprecated `serviceAccount` field counts when `serviceAccountName` is absent.',
    example: 'spec:\n  serviceAccountName: api-runner   # the ServiceAccount is api-runer',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (namespace === undefined) return;
    for (const p of runningPodSpecsOf(res)) {
      const field = typeof p.spec.serviceAccountName === 'string' && p.spec.serviceAccountName ? 'serviceAccountName' : 'serviceAccount';
      const name = p.spec[field];
      if (typeof name !== 'string' || !name || name === 'default') continue;
      if (ctx.index.get('', 'ServiceAccount', namespace, name).length) continue;
      const path = [...p.specPath, field];
      const missing = { kind: 'ServiceAccount', plural: 'ServiceAccounts', name, namespace };
      const rejected = `pods are rejected with: serviceaccount "${name}" not found`;
      if (reportedInOtherNamespace(ctx, missing, { path, reader: 'a pod', consequence: rejected })) continue;
      const accounts = ctx.index.list('', 'ServiceAccount', namespace);
      // Where the workspace defines none, they come from elsewhere (a Helm chart, Terraform for cloud IAM, a platform repository).
      if (accounts.length === 0) continue;
      const guess = closest(name, accounts.map((a) => a.name));
      const target = accounts.find((a) => a.name === guess) ?? accounts[0];
      ctx.report({
        path,
        message: `ServiceAccount "${name}" not found in namespace "${namespace}" (it defines ${accounts.map((a) => a.name).join(', ')}); pods are rejected with: serviceaccount "${name}" not found.${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: [{ target, path: ['metadata', 'name'], message: `serviceaccount/${target.name} in namespace ${namespace}` }],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
      });
    }
  },
};
