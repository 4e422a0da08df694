import { isObject, runningPodSpecsOf } from '../k8s/podSpecs';
import { closest } from '../util/suggest';
import { notInWorkspace, reportedInOtherNamespace } from '../index/missingRef';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'pvc-ref-missing',
    defaultSeverity: 'warning',
    description: 'A pod volume names a PersistentVolumeClaim that no manifest in its namespace defines.',
    rationale:
      'The scheduler does not place a pod whose claim does not exist (`persistentvolumeclaim "x" not found`); it stays Pending. Claims are looked up in the pod\'s namespace; when the workspace defines the claim in another one, the message says which and links to it. A StatefulSet\'s volumeClaimTemplates need no PVC manifest: the controller creates <template>-<statefulset>-<ordinal> claims, which count as defined. When the workspace defines no claim at all in the pod\'s namespace, its claims may be made some other way, so a missing one is reported as info.',
    example: 'volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data-pvc',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (namespace === undefined) return;
    for (const p of runningPodSpecsOf(res)) {
      const volumes = p.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((v, i) => {
        const claim = isObject(v) && isObject(v.persistentVolumeClaim) ? v.persistentVolumeClaim.claimName : undefined;
        if (typeof claim !== 'string' || !claim) return;
        if (ctx.index.get('', 'PersistentVolumeClaim', namespace, claim).length) return;
        const path = [...p.specPath, 'volumes', i, 'persistentVolumeClaim', 'claimName'];
        const missing = { kind: 'PersistentVolumeClaim', plural: 'PersistentVolumeClaims', name: claim, namespace };
        if (reportedInOtherNamespace(ctx, missing, { path, reader: 'a pod', consequence: 'the pod stays Pending' })) return;
        const claims = ctx.index.list('', 'PersistentVolumeClaim', namespace);
        if (claims.length === 0) {
          // No claim of this namespace is in the workspace: they may be managed elsewhere, so this is advice.
          if (ctx.index.namespaceSettled(res)) ctx.report({ path, severity: 'info', message: notInWorkspace(missing, 'the pod stays Pending') });
          return;
        }
        const guess = closest(claim, claims.map((c) => c.name));
        const target = guess ? claims.find((c) => c.name === guess) : undefined;
        ctx.report({
          path,
          message: `PersistentVolumeClaim "${claim}" not found in namespace "${namespace}"; the pod stays Pending until it exists.${guess ? ` Did you mean "${guess}"?` : ''}`,
          related: target ? [{ target, path: ['metadata', 'name'], message: `persistentvolumeclaim/${guess} in namespace ${namespace}` }] : [],
          fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
        });
      });
    }
  },
};
