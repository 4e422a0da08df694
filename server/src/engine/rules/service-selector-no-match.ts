import { formatLabels, matchesLabels, nearestTemplate, ownerLabel } from '../index/labels';
import { isObject, labelMap } from '../k8s/podSpecs';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'service-selector-no-match',
    defaultSeverity: 'warning',
    description: 'A Service whose selector matches no pod template in its namespace.',
    rationale:
      'The endpoints controller adds a pod to a Service only when the pod carries every label of `spec.selector` and lives in the Service\'s namespace. A selector that matches no Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob or ReplicationController template leaves the Service without endpoints: connections are refused or time out. Usually a label value is misspelt; the message names the closest workload and, for a single differing label, offers to fix it. Services without a selector (endpoints managed by hand) and ExternalName Services are not checked.',
    example: 'kind: Service\nspec:\n  selector:\n    app: apl   # the Deployment\'s pods have app: api',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.group !== '' || res.kind !== 'Service' || namespace === undefined) return;
    const spec = res.value.spec;
    if (!isObject(spec) || spec.type === 'ExternalName') return;
    const selector = labelMap(spec.selector);
    if (Object.keys(selector).length === 0) return;
    const templates = ctx.index.podTemplates(namespace);
    if (templates.some((t) => matchesLabels(selector, t.labels))) return;

    const wanted = formatLabels(selector);
    const elsewhere = ctx.index.allPodTemplates().find((t) => t.owner.namespace !== namespace && matchesLabels(selector, t.labels));
    if (elsewhere) {
      ctx.report({
        path: ['spec', 'selector'],
        part: 'key',
        message: `Service selector ${wanted} matches no pod in namespace "${namespace}"; ${ownerLabel(elsewhere)} in namespace "${elsewhere.owner.namespace}" matches, but a Service only selects pods of its own namespace.`,
        related: [{ target: elsewhere.owner, path: elsewhere.labelsPath, message: `${ownerLabel(elsewhere)} (namespace ${elsewhere.owner.namespace}) pod labels: ${formatLabels(elsewhere.labels)}` }],
      });
      return;
    }

    // A workspace without any workload in this namespace does not hold the pods (a Service-only file): nothing to compare.
    if (templates.length === 0) return;
    const near = nearestTemplate(selector, templates);
    if (!near) {
      ctx.report({ path: ['spec', 'selector'], part: 'key', message: `Service selector ${wanted} matches no pod template in namespace "${namespace}"; the Service will have no endpoints.` });
      return;
    }
    const owner = ownerLabel(near.template);
    const related = [{ target: near.template.owner, path: near.template.labelsPath, message: `${owner} pod labels: ${formatLabels(near.template.labels)}` }];
    if (near.wrongValues.length === 1 && near.missingKeys.length === 0) {
      const [key, want, have] = near.wrongValues[0];
      ctx.report({
        path: ['spec', 'selector', key],
        message: `Service selector ${key}=${want} matches no pod in namespace "${namespace}"; did you mean ${key}=${have}, from ${owner}?`,
        related,
        fixes: [{ title: `Change the selector to ${key}=${have}`, edits: [{ uri: res.uri, span: ctx.spanOf(['spec', 'selector', key]), newText: have }] }],
      });
      return;
    }
    const diffs = [...near.wrongValues.map(([k, w, h]) => `${k}=${w} (pods have ${k}=${h})`), ...near.missingKeys.map((k) => `${k} (pods lack it)`)];
    ctx.report({
      path: ['spec', 'selector'],
      part: 'key',
      message: `Service selector ${wanted} matches no pod in namespace "${namespace}"; the closest is ${owner}, which differs in ${diffs.join(', ')}.`,
      related,
    });
  },
};
