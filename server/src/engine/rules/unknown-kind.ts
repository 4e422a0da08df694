import { crdDefinition } from '../crd/definition';
import { lifecycleOf } from '../k8s/apis';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'unknown-kind',
    defaultSeverity: 'info',
    description: 'A custom resource whose CustomResourceDefinition is not in the workspace.',
    rationale:
      'Custom resources (Istio, cert-manager, Prometheus Operator, …) are validated against their CustomResourceDefinition when an apiextensions.k8s.io/v1 CRD for their group and kind is anywhere in the workspace: unknown fields, wrong types, missing required fields and values outside an enum are then errors, as for built-in kinds. Without it Kubesim cannot check their fields, and says so once, on the kind. Add the CRD manifest to the workspace to have them checked. When the workspace has CRDs of the same group but none for this kind, the message names the kinds they define, since a typo in kind is the likely cause.',
    example: 'apiVersion: cert-manager.io/v1\nkind: Certificate',
  },
  check(ctx) {
    const { res } = ctx;
    if (!ctx.isCustomResource() || lifecycleOf(res.apiVersion, res.kind)) return;
    if (ctx.index.crds(res.group, res.kind).length) return; // checked against its CRD
    const kinds = [...new Set(ctx.index.crdsOfGroup(res.group).map((c) => crdDefinition(c.res)?.kind ?? ''))].filter(Boolean).sort();
    const guess = closest(res.kind, kinds);
    const sameGroup = kinds.length ? ` The workspace's CustomResourceDefinitions of ${res.group} define ${kinds.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}` : '';
    ctx.report({
      path: ['kind'],
      message: `${res.kind} (${res.apiVersion}) is a custom resource; its fields are not checked because its CustomResourceDefinition is not in the workspace.${sameGroup}`,
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(['kind']), newText: guess }] }] : [],
    });
  },
};
