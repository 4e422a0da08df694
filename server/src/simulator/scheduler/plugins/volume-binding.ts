import type { Sim } from '../../context';
import { dict, dicts, str } from '../../obj';
import type { KObject } from '../../types';
import { unresolvable, type Plugin } from '../framework';

/** The claim names a pod's volumes use. */
export function podClaimNames(pod: KObject): string[] {
  return dicts(dict(pod.spec).volumes).map((v) => str(dict(v.persistentVolumeClaim).claimName)).filter((n): n is string => !!n);
}

/**
 * volume.IsDelayBindingMode: a claim waits for its first consumer when its
 * StorageClass says WaitForFirstConsumer; a missing class, or none, is immediate.
 */
export function isDelayBinding(sim: Sim, pvc: KObject): boolean {
  const cls = str(dict(pvc.spec).storageClassName);
  if (!cls) return false;
  return sim.store.get('StorageClass', undefined, cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

export const isBound = (pvc: KObject): boolean => dict(pvc.status).phase === 'Bound';

/**
 * VolumeBinding PreFilter: every claim must exist (podHasPVCs: `persistentvolumeclaim "x" not found`),
 * and immediate claims must already be bound ("pod has unbound immediate
 * PersistentVolumeClaims"); claims waiting for a first consumer are bound once
 * the pod has a node (done by the scheduler after this check).
 */
export const volumeBinding: Plugin = {
  name: 'VolumeBinding',
  preFilter(sim, pod) {
    const claims = podClaimNames(pod).map((n) => ({ n, pvc: sim.store.get('PersistentVolumeClaim', pod.metadata.namespace, n) }));
    const missing = claims.find((c) => !c.pvc);
    if (missing) return unresolvable(`persistentvolumeclaim "${missing.n}" not found`);
    if (claims.some((c) => c.pvc && !isBound(c.pvc) && !isDelayBinding(sim, c.pvc))) return unresolvable('pod has unbound immediate PersistentVolumeClaims');
    return undefined;
  },
};
