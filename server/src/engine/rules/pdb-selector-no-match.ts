import { formatLabels, isEmptySelector, matchesSelector, nearestTemplate, ownerLabel, parseLabelSelector } from '../index/labels';
import { isObject } from '../util/object';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'pdb-selector-no-match',
    defaultSeverity: 'warning',
    description: 'A PodDisruptionBudget whose selector matches no pod template in its namespace.',
    rationale:
      'A PodDisruptionBudget limits voluntary evictions (node drains, cluster upgrades) of the pods of its namespace that its `selector` selects. When it selects none of them it protects nothing: a drain may evict every replica at once, and the budget reports 0 expected pods. Usually a label value is misspelt. In policy/v1 an empty selector (`{}`) selects every pod of the namespace and is not reported. As for Services, the namespace is judged only when the workspace defines pods there; a pod of another namespace that matches is named, since a budget only counts pods of its own namespace.',
    example: 'kind: PodDisruptionBudget\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: zk   # the StatefulSet\'s pods have app: zookeeper',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.group !== 'policy' || res.kind !== 'PodDisruptionBudget' || namespace === undefined) return;
    const spec = res.value.spec;
    if (!isObject(spec)) return;
    const sel = parseLabelSelector(spec.selector);
    // Without a selector a budget selects nothing (LabelSelectorAsSelector(nil)); an empty one selects all in policy/v1
    // and nothing in the removed policy/v1beta1, which api-removed already reports.
    if (sel && isEmptySelector(sel)) return;
    const templates = ctx.index.podTemplates(namespace);
    if (templates.length === 0) return; // the workspace holds no pods of this namespace
    if (!sel) {
      ctx.report({ path: ['metadata', 'name'], message: `This PodDisruptionBudget has no selector, so it selects no pods and protects nothing from evictions. Add spec.selector with the labels of the pods it should protect.` });
      return;
    }
    if (templates.some((t) => matchesSelector(sel, t.labels))) return;
    const elsewhere = ctx.index.allPodTemplates().find((t) => t.owner.namespace !== namespace && matchesSelector(sel, t.labels));
    const near = Object.keys(sel.matchLabels).length ? nearestTemplate(sel.matchLabels, templates) : undefined;
    const hint = elsewhere
      ? ` ${ownerLabel(elsewhere)} in namespace "${elsewhere.owner.namespace}" matches, but a budget only counts pods of its own namespace.`
      : near
        ? ` The closest is ${ownerLabel(near.template)} (${formatLabels(near.template.labels)}).`
        : '';
    const other = elsewhere ?? near?.template;
    const single = !elsewhere && near && near.wrongValues.length === 1 && near.missingKeys.length === 0 && sel.matchExpressions.length === 0 ? near.wrongValues[0] : undefined;
    const path = single ? ['spec', 'selector', 'matchLabels', single[0]] : ['spec', 'selector'];
    ctx.report({
      path,
      part: single ? 'value' : 'key',
      message: `This PodDisruptionBudget's selector matches no pod template in namespace "${namespace}", so it protects no pod from evictions (drains may take down every replica at once).${hint}`,
      related: other ? [{ target: other.owner, path: other.labelsPath, message: `${ownerLabel(other)}${elsewhere ? ` (namespace ${elsewhere.owner.namespace})` : ''} pod labels: ${formatLabels(other.labels)}` }] : [],
      fixes: single ? [{ title: `Change the selector to ${single[0]}=${single[2]}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: single[2] }] }] : [],
    });
  },
};
