import { formatLabels, isEmptySelector, matchesSelector, nearestTemplate, ownerLabel, parseLabelSelector } from '../index/labels';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'networkpolicy-selector-no-match',
    defaultSeverity: 'info',
    description: 'A NetworkPolicy whose podSelector matches no pod template in its namespace.',
    rationale:
      'A NetworkPolicy applies to the pods of its namespace that its `podSelector` selects (an empty selector selects all). When it selects none of the workspace\'s pods it protects nothing, which is usually a label typo; but the pods may come from elsewhere, so this is advice.',
    example: 'podSelector:\n  matchLabels:\n    app: fronted',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.kind !== 'NetworkPolicy' || namespace === undefined) return;
    const sel = parseLabelSelector((res.value.spec as Record<string, unknown> | undefined)?.podSelector);
    if (!sel || isEmptySelector(sel)) return;
    const templates = ctx.index.podTemplates(namespace);
    if (templates.length === 0) return; // the workspace holds no pods of this namespace
    if (templates.some((t) => matchesSelector(sel, t.labels))) return;
    const near = Object.keys(sel.matchLabels).length ? nearestTemplate(sel.matchLabels, templates) : undefined;
    ctx.report({
      path: ['spec', 'podSelector'],
      part: 'key',
      message: `This NetworkPolicy's podSelector matches no pod template in namespace "${namespace}", so it applies to no pod of the workspace.${near ? ` The closest is ${ownerLabel(near.template)} (${formatLabels(near.template.labels)}).` : ''}`,
      related: near ? [{ target: near.template.owner, path: near.template.labelsPath, message: `${ownerLabel(near.template)} pod labels: ${formatLabels(near.template.labels)}` }] : [],
    });
  },
};
