import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import { get, isObject } from './podSpecs';
import { claimFact, type ClaimFact } from './storageFacts';

/** A claim written in a manifest: a PersistentVolumeClaim's spec, or a StatefulSet volumeClaimTemplate (the controller makes PVCs from it). */
export interface WrittenClaim {
  fact: ClaimFact;
  /** Path to the claim's spec inside the object. */
  specPath: PathSegment[];
  /** How to name it in a message, as the subject of "stay(s) Pending". */
  label: string;
  /** A template stands for several claims. */
  plural: boolean;
}

export function claimsOf(res: Resource): WrittenClaim[] {
  const v = res.value;
  if (res.group === '' && res.kind === 'PersistentVolumeClaim') return [{ fact: claimFact(v.spec, v.metadata), specPath: ['spec'], label: `PersistentVolumeClaim ${res.name ?? ''}`.trim(), plural: false }];
  if (res.group === 'apps' && res.kind === 'StatefulSet') {
    const templates = get(v, ['spec', 'volumeClaimTemplates']);
    if (!Array.isArray(templates)) return [];
    return templates.flatMap((t, i) =>
      isObject(t) ? [{ fact: claimFact(t.spec, t.metadata), specPath: ['spec', 'volumeClaimTemplates', i, 'spec'], label: `claims of volumeClaimTemplate ${String(get(t, ['metadata', 'name']) ?? i)}`, plural: true }] : [],
    );
  }
  return [];
}
