import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'pvc-spec-incomplete',
    defaultSeverity: 'error',
    description: 'A PersistentVolumeClaim without accessModes or without a storage request.',
    rationale:
      'A claim must say how the volume will be mounted (`accessModes`: ReadWriteOnce for one node at a time, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod) and how much storage it needs (`resources.requests.storage`); the API server rejects a claim without either (ValidatePersistentVolumeClaimSpec: `at least 1 access mode is required`, `spec.resources[storage]: Required value`).',
    example: 'kind: PersistentVolumeClaim\nspec:\n  resources:\n    requests:\n      storage: 1Gi',
  },
  check(ctx) {
    if (ctx.res.group !== '' || ctx.res.kind !== 'PersistentVolumeClaim') return;
    const spec = ctx.res.value.spec;
    if (!isObject(spec)) return;
    // A value of another type (`accessModes: ReadWriteOnce`) is schema-type's to tell.
    if (spec.accessModes === undefined || spec.accessModes === null || (Array.isArray(spec.accessModes) && spec.accessModes.length === 0)) {
      ctx.report({
        path: spec.accessModes === undefined ? ['spec'] : ['spec', 'accessModes'],
        part: 'key',
        message: 'spec.accessModes: Required value: at least 1 access mode is required. Add accessModes: [ReadWriteOnce] (one node mounts it read-write), or ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.',
        apiError: 'spec.accessModes: Required value: at least 1 access mode is required',
      });
    }
    const requests = isObject(spec.resources) ? spec.resources.requests : undefined;
    if ((spec.resources === undefined || isObject(spec.resources)) && (requests === undefined || isObject(requests)) && (!isObject(requests) || requests.storage == null)) {
      ctx.report({
        path: isObject(requests) ? ['spec', 'resources', 'requests'] : isObject(spec.resources) ? ['spec', 'resources'] : ['spec'],
        part: 'key',
        message: 'spec.resources[storage]: Required value. A claim says how much storage it needs: resources.requests.storage, e.g. 1Gi.',
        apiError: 'spec.resources[storage]: Required value',
      });
    }
  },
};
