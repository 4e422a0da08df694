import { isObject, valueAt } from '../k8s/podSpecs';

/** What a claim (a PVC, or a StatefulSet's volumeClaimTemplate) asks for; what the PV controller matches on. */
export interface ClaimFact {
  /** spec.storageClassName as written: absent (undefined) means the default class, "" means none. */
  storageClassName?: string;
  /** spec.resources.requests.storage as written. */
  request?: string | number;
  accessModes: string[];
  /** spec.volumeMode; the API defaults it to Filesystem. */
  volumeMode: string;
  volumeName?: string;
}

/** What a PersistentVolume offers, and the claim it may be reserved for. */
export interface VolumeFact {
  /** "" when the volume has no class (it then binds only claims that ask for none). */
  storageClassName: string;
  capacity?: string | number;
  accessModes: string[];
  volumeMode: string;
  claimRef?: { name?: string; namespace?: string };
}

export interface StorageClassFact {
  isDefault: boolean;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const quantity = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/**
 * A claim's facts from its spec (and metadata, for the beta class annotation,
 * which GetPersistentVolumeClaimClass reads before spec.storageClassName).
 */
export function claimFact(spec: unknown, metadata?: unknown): ClaimFact {
  const s = isObject(spec) ? spec : {};
  const beta = valueAt(metadata, ['annotations', BETA_CLASS]);
  const cls = typeof beta === 'string' ? beta : typeof s.storageClassName === 'string' ? s.storageClassName : undefined;
  return {
    ...(cls !== undefined ? { storageClassName: cls } : {}),
    ...(quantity(valueAt(s, ['resources', 'requests', 'storage'])) !== undefined ? { request: quantity(valueAt(s, ['resources', 'requests', 'storage'])) } : {}),
    accessModes: strings(s.accessModes),
    volumeMode: typeof s.volumeMode === 'string' && s.volumeMode ? s.volumeMode : 'Filesystem',
    ...(typeof s.volumeName === 'string' && s.volumeName ? { volumeName: s.volumeName } : {}),
  };
}

export function volumeFact(spec: unknown, metadata?: unknown): VolumeFact {
  const s = isObject(spec) ? spec : {};
  const beta = valueAt(metadata, ['annotations', BETA_CLASS]);
  const ref = isObject(s.claimRef) ? s.claimRef : undefined;
  return {
    storageClassName: typeof beta === 'string' ? beta : typeof s.storageClassName === 'string' ? s.storageClassName : '',
    ...(quantity(valueAt(s, ['capacity', 'storage'])) !== undefined ? { capacity: quantity(valueAt(s, ['capacity', 'storage'])) } : {}),
    accessModes: strings(s.accessModes),
    volumeMode: typeof s.volumeMode === 'string' && s.volumeMode ? s.volumeMode : 'Filesystem',
    ...(ref ? { claimRef: { ...(typeof ref.name === 'string' ? { name: ref.name } : {}), ...(typeof ref.namespace === 'string' ? { namespace: ref.namespace } : {}) } } : {}),
  };
}

/** The DefaultStorageClass admission plugin picks the class annotated storageclass.kubernetes.io/is-default-class: "true". */
export function storageClassFact(metadata: unknown): StorageClassFact {
  return { isDefault: valueAt(metadata, ['annotations', 'storageclass.kubernetes.io/is-default-class']) === 'true' };
}
