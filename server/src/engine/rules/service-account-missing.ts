import { runningPodSpecsOf } from '../k8s/podSpecs';
import { closest } from '../util/suggest';
import { notInWorkspace } from '../index/unmanaged';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'service-account-missing',
    defaultSeverity: 'warning',
    description: 'A pod runs as a ServiceAccount that the workspace does not define in its namespace.',
    rationale:
      'The ServiceAccount admission plugin rejects a pod whose service account does not exist (`error looking up service account ns/x: serviceaccount "x" not found`), so a Deployment or Job never gets its pods. `default` exists in every namespace. ServiceAccounts are often created by other tooling, so in a namespace where the workspace defines no ServiceAccount a missing one is reported as info, not as a warning. The deprecated `serviceAccount` field counts when `serviceAccountName` is absent.',
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
      const accounts = ctx.index.list('', 'ServiceAccount', namespace);
      const path = [...p.specPath, field];
      if (accounts.length === 0) {
        if (ctx.index.namespaceSettled(res)) ctx.report({ path, severity: 'info', message: notInWorkspace({ kind: 'ServiceAccount', plural: 'ServiceAccounts', name, namespace }, `pods are rejected with: serviceaccount "${name}" not found`) });
        continue;
      }
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
