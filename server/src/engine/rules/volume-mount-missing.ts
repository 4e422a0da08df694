import { containersOf, isObject, podSpecsOf } from '../k8s/podSpecs';
import { fieldPath } from '../util/jsonPath';
import { closest } from '../util/suggest';
import { claimTemplateNames, podSpecFinding, podsValidatedLater } from '../k8s/statefulSet';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'volume-mount-missing',
    defaultSeverity: 'error',
    description: "A container mounts a volume that the pod's spec.volumes does not define.",
    rationale:
      "A volumeMount only says where a volume appears inside a container; the volume itself (an emptyDir, a ConfigMap, a Secret, a claim) is defined once per pod under `spec.volumes`, and the mount refers to it by name. The API server rejects a mount whose name no volume has (validateVolumeMounts: `Not found`). Add the volume under the pod's `spec.volumes`, or fix the name; the message names a volume with a similar name when there is one. A StatefulSet's volumeClaimTemplates count as volumes. The API server checks a StatefulSet's pod template only when the StatefulSet creates its pods, so there the StatefulSet is accepted and every pod is refused: a warning, not an error.",
    example: 'containers:\n- name: web\n  volumeMounts:\n  - name: data        # spec.volumes defines only "cache"\n    mountPath: /data',
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.res)) {
      let volumes: string[] | undefined;
      const later = podsValidatedLater(ctx.res.kind);
      for (const { container, path } of containersOf(pod)) {
        if (!Array.isArray(container.volumeMounts) || container.volumeMounts.length === 0) continue;
        if (!volumes) {
          const own = Array.isArray(pod.spec.volumes) ? pod.spec.volumes.flatMap((v) => (isObject(v) && typeof v.name === 'string' ? [v.name] : [])) : [];
          volumes = [...new Set(own.concat(claimTemplateNames(ctx.res.value, ctx.res.kind)))];
        }
        const names = volumes;
        container.volumeMounts.forEach((m, i) => {
          if (!isObject(m) || typeof m.name !== 'string' || !m.name || names.includes(m.name)) return;
          const at = path.concat('volumeMounts', i, 'name');
          const guess = closest(m.name, names);
          const who = typeof container.name === 'string' ? `Container "${container.name}"` : 'This container';
          const known = names.length ? `its volumes: ${names.join(', ')}` : 'it defines no volumes';
          const error = `${fieldPath(at)}: Not found: ${JSON.stringify(m.name)}`;
          ctx.report({
            path: at,
            ...podSpecFinding(later, error, `${who} mounts a volume the pod does not define (${known}): add it under ${fieldPath(pod.specPath.concat('volumes'))}${later ? ' or volumeClaimTemplates' : ''}, or fix the name.${guess ? ` Did you mean "${guess}"?` : ''}`),
            fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(at), newText: guess }] }] : [],
          });
        });
      }
    }
  },
};
