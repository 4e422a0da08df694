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
      if (!Array.isArray(pod.spec.volumes)) continue;
      const seen = new Map<string, number>();
      pod.spec.volumes.forEach((v, i) => {
        if (!isObject(v) || typeof v.name !== 'string' || v.name === '') return;
        const first = seen.get(v.name);
        if (first === undefined) {
          seen.set(v.name, i);
          return;
        }
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
