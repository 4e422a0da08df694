import { isObject, podSpecsOf } from '../k8s/podSpecs';
import { podSpecFinding, podsValidatedLater } from '../k8s/statefulSet';
import { fieldPath } from '../util/jsonPath';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'duplicate-volume-name',
    defaultSeverity: 'error',
    description: 'Two volumes of one pod with the same name.',
    rationale:
      'Containers mount volumes by name, so each volume of a pod needs its own; the API server refuses a repeated one (validateVolumes: `Duplicate value`). Rename one, and point its mounts at the new name. The API server checks a StatefulSet\'s pod template only when the StatefulSet creates its pods, so there it is a warning.',
    example: 'volumes:\n- name: cache\n  emptyDir: {}\n- name: cache\n  configMap: {name: web}',
  },
  check(ctx) {
    const later = podsValidatedLater(ctx.res.kind);
    for (const pod of podSpecsOf(ctx.res)) {
      const volumes = pod.spec.volumes;
      if (!Array.isArray(volumes) || volumes.length < 2) continue;
      const nameAt = (j: number): unknown => (isObject(volumes[j]) ? (volumes[j] as Record<string, unknown>).name : undefined);
      volumes.forEach((v, i) => {
        if (!isObject(v) || typeof v.name !== 'string' || v.name === '') return;
        // A pod has a handful of volumes: looking back is cheaper than a map per pod.
        let first = -1;
        for (let j = 0; j < i && first < 0; j++) if (nameAt(j) === v.name) first = j;
        if (first < 0) return;
        const at = pod.specPath.concat('volumes', i, 'name');
        const error = `${fieldPath(at)}: Duplicate value: ${JSON.stringify(v.name)}`;
        ctx.report({
          path: at,
          ...podSpecFinding(later, error, `Volume ${first} already has this name; mounts could not tell them apart.`),
          related: [{ uri: ctx.res.uri, span: ctx.spanOf(pod.specPath.concat('volumes', first, 'name')), message: 'the first volume of that name' }],
        });
      });
    }
  },
};
