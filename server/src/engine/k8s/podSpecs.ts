import type { Resource } from './resource';
import type { PathSegment } from '../yaml/ast';

/** A pod spec written inside a resource. */
export interface PodSpecAt {
  /** Path from the resource root to the PodSpec mapping, e.g. ['spec', 'template', 'spec']. */
  path: PathSegment[];
  /** The PodSpec value (a plain object; fields not yet type-checked). */
  spec: Record<string, unknown>;
  /** Path to the PodTemplateSpec's metadata (the pod's labels), or to the Pod's own metadata. */
  metadataPath: PathSegment[];
}

/** Where each built-in workload keeps its pod spec, by kind (any apiVersion: old ones had the same shape). */
const POD_SPEC_PATHS: Record<string, { spec: PathSegment[]; metadata: PathSegment[] }> = {
  Pod: { spec: ['spec'], metadata: ['metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'] },
  CronJob: { spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'] },
};

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(v) : !isObject(v)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * Every pod spec of a built-in workload resource (Pod, Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job, CronJob, ReplicationController, PodTemplate), with
 * its path. Custom resources and kinds without pods give []; so does a spec that
 * is missing or not a mapping (the schema rules report that).
 */
export function podSpecsOf(res: Pick<Resource, 'kind' | 'group' | 'value'>): PodSpecAt[] {
  if (!BUILTIN_WORKLOAD_GROUPS.has(res.group)) return [];
  const at = Object.prototype.hasOwnProperty.call(POD_SPEC_PATHS, res.kind) ? POD_SPEC_PATHS[res.kind] : undefined;
  if (!at) return [];
  const spec = valueAt(res.value, at.spec);
  return isObject(spec) ? [{ path: [...at.spec], spec, metadataPath: [...at.metadata] }] : [];
}

/** Groups in which those kinds are the built-in ones (apps, batch, and their retired homes). */
const BUILTIN_WORKLOAD_GROUPS = new Set(['', 'apps', 'batch', 'extensions']);

/** The container lists of a pod spec, in the order upstream validates them. */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface ContainerAt {
  /** Path from the resource root to the container mapping. */
  path: PathSegment[];
  container: Record<string, unknown>;
  list: (typeof CONTAINER_LISTS)[number];
}

/** Every container (init, regular, ephemeral) of a pod spec that is a mapping. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (isObject(c)) out.push({ path: [...pod.path, list, i], container: c, list });
    });
  }
  return out;
}
