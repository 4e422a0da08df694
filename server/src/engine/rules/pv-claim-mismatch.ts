import type { IndexedResource, IndexView } from '../index/types';
import { claimsOf } from '../index/claims';
import type { ClaimFact, VolumeFact } from '../index/storageFacts';
import { compareRational, parseQuantityValue } from '../k8s/validation/quantity';
import type { PathSegment } from '../yaml/ast';
import type { RelatedInResource, WorkspaceContext, WorkspaceRule } from './types';

/** The simulated cluster's default StorageClass, which DefaultStorageClass admission gives claims that name none. */
const CLUSTER_DEFAULT_CLASS = 'standard';

interface Mismatch {
  /** The PV controller's reason (checkVolumeSatisfyClaim), then what differs. */
  reason: string;
  /** Field of the object being checked, and of the other side. */
  here: PathSegment[];
  there: PathSegment[];
}

const showModes = (m: string[]): string => (m.length ? m.join(', ') : 'none');

/** A claim's class after admission: its own, else the workspace's default StorageClass, else the cluster's. */
function claimClass(claim: ClaimFact, index: IndexView): string {
  if (claim.storageClassName !== undefined) return claim.storageClassName;
  // list() records only which classes exist; get() records their facts, so a new default annotation re-checks this claim.
  const byDefault = index.list('storage.k8s.io', 'StorageClass', undefined).find((c) => index.get('storage.k8s.io', 'StorageClass', undefined, c.name)[0]?.facts.storageClass?.isDefault);
  return byDefault?.name ?? CLUSTER_DEFAULT_CLASS;
}

/**
 * Why a volume cannot satisfy a claim, in the PV controller's order and words
 * (pkg/controller/volume/persistentvolume: checkVolumeSatisfyClaim for a claim's
 * volumeName; FindMatchingVolume for a volume's claimRef, which skips the class).
 * `claimPath`/`volumePath` map a field to its path on each side.
 */
function mismatches(claim: ClaimFact, volume: VolumeFact, cls: string | undefined, claimPath: (f: string) => PathSegment[], volumePath: (f: string) => PathSegment[]): Mismatch[] {
  const out: Mismatch[] = [];
  const want = claim.request !== undefined ? parseQuantityValue(claim.request) : undefined;
  const have = volume.capacity !== undefined ? parseQuantityValue(volume.capacity) : undefined;
  if (want?.ok && have?.ok && compareRational(have.value, want.value) < 0)
    out.push({ reason: `requested PV is too small (the claim requests ${String(claim.request)}, the volume has ${String(volume.capacity)})`, here: claimPath('request'), there: volumePath('capacity') });
  if (cls !== undefined && cls !== volume.storageClassName)
    out.push({
      reason: `storageClassName does not match (the claim's class is ${cls === '' ? 'none ("")' : `"${cls}"`}${claim.storageClassName === undefined ? ', the default one it gets when it names none' : ''}; the volume's is ${volume.storageClassName === '' ? 'none' : `"${volume.storageClassName}"`})`,
      here: claimPath('class'),
      there: volumePath('class'),
    });
  if (claim.volumeMode !== volume.volumeMode)
    out.push({ reason: `incompatible volumeMode (the claim wants ${claim.volumeMode}, the volume is ${volume.volumeMode})`, here: claimPath('volumeMode'), there: volumePath('volumeMode') });
  const missing = claim.accessModes.filter((m) => !volume.accessModes.includes(m));
  if (missing.length)
    out.push({ reason: `incompatible accessMode (the claim asks for ${showModes(claim.accessModes)}, the volume offers ${showModes(volume.accessModes)})`, here: claimPath('accessModes'), there: volumePath('accessModes') });
  return out;
}

const VOLUME_FIELDS: Record<string, PathSegment[]> = {
  capacity: ['spec', 'capacity', 'storage'],
  class: ['spec', 'storageClassName'],
  volumeMode: ['spec', 'volumeMode'],
  accessModes: ['spec', 'accessModes'],
};

/** The path of a volume field, or of the PV's name when the field is not written (its default applies). */
function volumeFieldPath(pv: IndexedResource, field: string): PathSegment[] {
  const path = VOLUME_FIELDS[field] ?? ['metadata', 'name'];
  let cur: unknown = pv.res.value;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg as string] : undefined;
  return cur === undefined ? ['metadata', 'name'] : path;
}

/** The path of a claim field; where it is not written (a default applies), the claim's volumeName, else its name. */
function claimFieldPath(value: unknown, specPath: PathSegment[], field: string): PathSegment[] {
  const fields: Record<string, PathSegment[]> = {
    request: ['resources', 'requests', 'storage'],
    class: ['storageClassName'],
    volumeMode: ['volumeMode'],
    accessModes: ['accessModes'],
    volumeName: ['volumeName'],
  };
  for (const rel of [fields[field] ?? ['volumeName'], ['volumeName']]) {
    const path = [...specPath, ...rel];
    let cur: unknown = value;
    for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (cur !== undefined) return path;
  }
  return specPath.length > 1 ? specPath.slice(0, -1) : ['metadata', 'name'];
}

/** A claim pre-bound to a volume with spec.volumeName: checkVolumeSatisfyClaim, and the volume reserved for another claim. */
function checkClaims(ctx: WorkspaceContext): void {
  const { res, namespace } = ctx;
  for (const c of claimsOf(res)) {
    const pvName = c.fact.volumeName;
    if (!pvName) continue;
    const pv = ctx.index.get('', 'PersistentVolume', undefined, pvName)[0];
    const volume = pv?.facts.volume;
    if (!pv || !volume) continue; // pvc-volume-missing reports it
    const related = (path: PathSegment[], message: string, part?: 'key'): RelatedInResource => ({ target: pv, path, message, ...(part ? { part } : {}) });
    const ref = volume.claimRef;
    // A template's claims are named <template>-<statefulset>-<ordinal>; only a PVC has one name to compare.
    if (ref && res.kind === 'PersistentVolumeClaim' && (ref.name !== res.name || ref.namespace !== namespace)) {
      ctx.report({
        path: [...c.specPath, 'volumeName'],
        message: `Cannot bind to requested volume "${pvName}": it is reserved for claim ${ref.namespace ?? '?'}/${ref.name ?? '?'} (spec.claimRef), not ${namespace}/${res.name}; the claim stays Pending.`,
        related: [related(['spec', 'claimRef'], `persistentvolume/${pvName} is reserved for ${ref.namespace ?? '?'}/${ref.name ?? '?'}`, 'key')],
      });
      continue;
    }
    for (const m of mismatches(c.fact, volume, claimClass(c.fact, ctx.index), (f) => claimFieldPath(res.value, c.specPath, f), (f) => volumeFieldPath(pv, f)))
      ctx.report({ path: m.here, message: `Cannot bind to requested volume "${pvName}": ${m.reason}; the ${c.label} ${c.plural ? 'stay' : 'stays'} Pending.`, related: [related(m.there, `persistentvolume/${pvName}`)] });
  }
}

/** A volume reserved for a claim with spec.claimRef: FindMatchingVolume still requires the volume mode, the size and the access modes. */
function checkVolume(ctx: WorkspaceContext): void {
  const { res } = ctx;
  const volume = res.kind === 'PersistentVolume' && res.group === '' ? (ctx.index.get('', 'PersistentVolume', undefined, res.name ?? '').find((v) => v.res === res)?.facts.volume) : undefined;
  const ref = volume?.claimRef;
  if (!volume || !ref?.name) return;
  if (!ref.namespace) {
    ctx.report({ path: ['spec', 'claimRef'], part: 'key', message: `spec.claimRef names claim "${ref.name}" without a namespace; claims are namespaced, so no claim matches and the volume is never bound to it. Add claimRef.namespace.` });
    return;
  }
  const target = ctx.index.get('', 'PersistentVolumeClaim', ref.namespace, ref.name)[0];
  const claim = target?.facts.claim;
  if (!target || !claim) return; // the claim may be created elsewhere
  const generated = target.facts.generatedBy !== undefined;
  const claimSide = (f: string): PathSegment[] => (generated ? ['spec', 'volumeClaimTemplates'] : claimFieldPath(target.res.value, ['spec'], f));
  const related = (path: PathSegment[]): RelatedInResource => ({ target, path, ...(generated ? { part: 'key' as const } : {}), message: `persistentvolumeclaim/${ref.name} in namespace ${ref.namespace}${generated ? ` (made by ${target.facts.generatedBy})` : ''}` });
  if (claim.volumeName === res.name) return; // the claim's side reports what does not match
  if (claim.volumeName) {
    ctx.report({ path: ['spec', 'claimRef', 'name'], message: `The volume is reserved for claim ${ref.namespace}/${ref.name}, but that claim asks for volume "${claim.volumeName}" (volumeName), so it never binds to this one.`, related: [related(claimSide('volumeName'))] });
    return;
  }
  for (const m of mismatches(claim, volume, undefined, claimSide, (f) => volumeFieldPath(ctx.index.get('', 'PersistentVolume', undefined, res.name ?? '')[0], f)))
    ctx.report({ path: m.there, message: `The volume is reserved for claim ${ref.namespace}/${ref.name} (spec.claimRef), but the claim does not bind to it: ${m.reason}.`, related: [related(m.here)] });
}

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'pv-claim-mismatch',
    defaultSeverity: 'warning',
    description: 'A PersistentVolumeClaim and the PersistentVolume it is pre-bound to (volumeName, or the volume\'s claimRef) cannot bind: too small, other access modes, volume mode or storage class, or reserved for another claim.',
    rationale:
      'Pre-binding skips the search for a volume but not the checks: the PV controller binds a claim with `volumeName` only when the volume is at least as large as the request, offers every access mode the claim asks for, has the same volumeMode and the same storageClassName (a claim without one gets the default class, so a class-less volume needs `storageClassName: ""` on the claim), and is not reserved for another claim. Otherwise the claim stays Pending with `Cannot bind to requested volume "pv": requested PV is too small` (or `storageClassName does not match`, `incompatible volumeMode`, `incompatible accessMode`). A volume reserved with `claimRef` must name the claim\'s namespace and still match its size, access modes and volume mode.',
    example: 'kind: PersistentVolumeClaim\nspec:\n  volumeName: pv-5gi\n  resources:\n    requests:\n      storage: 10Gi',
  },
  check(ctx) {
    checkClaims(ctx);
    checkVolume(ctx);
  },
};
