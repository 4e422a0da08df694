import { isObject } from '../util/object';
import { splitApiVersion } from '../k8s/resource';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'hpa-target-missing',
    defaultSeverity: 'warning',
    description: 'A HorizontalPodAutoscaler whose scaleTargetRef names no object of the workspace.',
    rationale:
      'The autoscaler looks up `scaleTargetRef` (apiVersion, kind, name) in its own namespace; when it does not exist the HPA reports `FailedGetScale` and scales nothing. Only targets of built-in workload kinds (Deployment, StatefulSet, ReplicaSet, ReplicationController) are checked; custom scalable resources may come from elsewhere.',
    example: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: web-api   # the Deployment is webapi',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (res.kind !== 'HorizontalPodAutoscaler' || namespace === undefined) return;
    const ref = (res.value.spec as Record<string, unknown> | undefined)?.scaleTargetRef;
    if (!isObject(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return;
    const group = typeof ref.apiVersion === 'string' ? splitApiVersion(ref.apiVersion).group : '';
    const builtin = (group === 'apps' && ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(ref.kind)) || (group === '' && ref.kind === 'ReplicationController');
    if (!builtin || ctx.index.get(group, ref.kind, namespace, ref.name).length) return;
    const same = ctx.index.list(group, ref.kind, namespace);
    if (same.length === 0) return; // no workload of that kind in this namespace is in the workspace
    const guess = closest(ref.name, same.map((s) => s.name));
    const target = guess ? same.find((s) => s.name === guess) : undefined;
    const path = ['spec', 'scaleTargetRef', 'name'];
    ctx.report({
      path,
      message: `${ref.kind} "${ref.name}" not found in namespace "${namespace}"; the autoscaler has nothing to scale (FailedGetScale).${guess ? ` Did you mean "${guess}"?` : ''}`,
      related: target ? [{ target, path: ['metadata', 'name'], message: `${ref.kind.toLowerCase()}/${guess} in namespace ${namespace}` }] : [],
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
    });
  },
};
