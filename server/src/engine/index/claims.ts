import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import { isObject, runningPodSpecsOf, valueAt } from '../k8s/podSpecs';
import { claimFact, type ClaimFact } from './storageFacts';

/**
 * A claim written in a manifest: a PersistentVolumeClaim's spec, a StatefulSet
 * volumeClaimTemplate, or a pod's generic ephemeral volume (volumes[].ephemeral.volumeClaimTemplate);
 * the StatefulSet and ephemeral-volume controllers make PVCs from the templates.
 */
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
  return [...ownClaims(res), ...ephemeralClaims(res)];
}

function ephemeralClaims(res: Resource): WrittenClaim[] {
  const out: WrittenClaim[] = [];
  for (const p of runningPodSpecsOf(res)) {
    const volumes = p.spec.volumes;
    if (!Array.isArray(volumes)) continue;
    volumes.forEach((v, i) => {
      const template = valueAt(v, ['ephemeral', 'volumeClaimTemplate']);
      if (!isObject(template)) return;
      const specPath = [...p.specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'spec'];
      out.push({ fact: claimFact(template.spec, template.metadata), specPath, label: `claims of ephemeral volume ${String(valueAt(v, ['name']) ?? i)}`, plural: true });
    });
  }
  return out;
}

function ownClaims(res: Resource): WrittenClaim[] {
  const v = res.value;
  if (res.group === '' && res.kind === 'PersistentVolumeClaim') return [{ fact: claimFact(v.spec, v.metadata), specPath: ['spec'], label: `PersistentVolumeClaim ${res.name ?? ''}`.trim(), plural: false }];
  if (res.group === 'apps' && res.kind === 'StatefulSet') {
    const templates = valueAt(v, ['spec', 'volumeClaimTemplates']);
    if (!Array.isArray(templates)) return [];
    return templates.flatMap((t, i) =>
      isObject(t) ? [{ fact: claimFact(t.spec, t.metadata), specPath: ['spec', 'volumeClaimTemplates', i, 'spec'], label: `claims of volumeClaimTemplate ${String(valueAt(t, ['metadata', 'name']) ?? i)}`, plural: true }] : [],
    );
  }
  return [];
}
