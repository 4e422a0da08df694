import type { Resource } from './resource';
import type { PathSegment } from '../yaml/ast';
import { isObject, valueAt } from '../util/object';

export { isObject, valueAt };

/** A pod template (or a Pod) written inside a resource. */
export interface PodSpecAt {
  /** Path to the pod template ([] for a Pod): its metadata and spec are below it. */
  templatePath: PathSegment[];
  /** Path from the resource root to the PodSpec mapping, e.g. ['spec', 'template', 'spec']. */
  specPath: PathSegment[];
  /** Path to the PodTemplateSpec's metadata (the pod's labels), or to the Pod's own metadata. */
  metadataPath: PathSegment[];
  /** The PodSpec value ({} when the template has none: invalid on its own, but its labels still say which pods it makes). */
  spec: Record<string, unknown>;
  /** The pod labels, as the API reads them. */
  labels: Record<string, string>;
}

/**
 * Where each workload keeps its pod template, by kind, and the API groups in which
 * that kind is the one meant (any version: old ones had the same shape). Deployment-like
 * kinds of other projects (OpenShift DeploymentConfig, Argo Rollout) embed a
 * PodTemplateSpec the same way and create pods from it.
 */
const BUILTIN = ['', 'apps', 'batch', 'extensions'];
const TEMPLATE_AT: Record<string, { at: PathSegment[]; groups: readonly string[] }> = {
  Pod: { at: [], groups: BUILTIN },
  Deployment: { at: ['spec', 'template'], groups: BUILTIN },
  ReplicaSet: { at: ['spec', 'template'], groups: BUILTIN },
  StatefulSet: { at: ['spec', 'template'], groups: BUILTIN },
  DaemonSet: { at: ['spec', 'template'], groups: BUILTIN },
  Job: { at: ['spec', 'template'], groups: BUILTIN },
  ReplicationController: { at: ['spec', 'template'], groups: BUILTIN },
  PodTemplate: { at: ['template'], groups: BUILTIN },
  CronJob: { at: ['spec', 'jobTemplate', 'spec', 'template'], groups: BUILTIN },
  DeploymentConfig: { at: ['spec', 'template'], groups: ['apps.openshift.io', ''] },
  Rollout: { at: ['spec', 'template'], groups: ['argoproj.io'] },
};

const templateOf = (res: Pick<Resource, 'kind' | 'group'>): PathSegment[] | undefined => {
  const t = Object.prototype.hasOwnProperty.call(TEMPLATE_AT, res.kind) ? TEMPLATE_AT[res.kind] : undefined;
  return t && t.groups.includes(res.group) ? t.at : undefined;
};

/** Label maps as the API reads them: scalar values become strings (a YAML 1.1 `true` is a type error the schema rules report). */
export function labelMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val !== null && typeof val !== 'object') out[k] = String(val);
  return out;
}

/**
 * The pod template of a workload resource (Pod, Deployment, ReplicaSet, StatefulSet,
 * DaemonSet, Job, CronJob, ReplicationController, PodTemplate, DeploymentConfig,
 * Rollout), with its paths. Other kinds give []; so does a template that is missing
 * or not a mapping (the schema rules report that).
 */
export function podSpecsOf(res: Pick<Resource, 'kind' | 'group' | 'value'>): PodSpecAt[] {
  const at = templateOf(res);
  if (!at) return [];
  const template = valueAt(res.value, at);
  if (!isObject(template)) return [];
  // Every pod-spec rule asks this of every workload: the answer is kept per template while its spec and labels are the same objects.
  const rawLabels = valueAt(template, ['metadata', 'labels']);
  const kept = POD_SPECS.get(template);
  if (kept && kept.at === at && kept.spec === template.spec && kept.labels === rawLabels) return kept.pods;
  const spec = isObject(template.spec) ? template.spec : {};
  // concat, not spreads: a spread walks the iterator protocol until the code is optimised.
  const pods = [{ templatePath: at.slice(), specPath: at.concat('spec'), metadataPath: at.concat('metadata'), spec, labels: labelMap(rawLabels) }];
  POD_SPECS.set(template, { at, spec: template.spec, labels: rawLabels, pods });
  return pods;
}
const POD_SPECS = new WeakMap<object, { at: PathSegment[]; spec: unknown; labels: unknown; pods: PodSpecAt[] }>();

/** True for kinds that run the pods of their template (a PodTemplate object runs nothing). */
export const runsPods = (res: Pick<Resource, 'kind' | 'group'>): boolean => res.kind !== 'PodTemplate' && templateOf(res) !== undefined;

/** The pod templates whose pods really run: what Services select and what the kubelet starts. */
export const runningPodSpecsOf = (res: Pick<Resource, 'kind' | 'group' | 'value'>): PodSpecAt[] => (runsPods(res) ? podSpecsOf(res) : []);

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
  const kept = CONTAINERS.get(pod);
  if (kept) return kept;
  const out: ContainerAt[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (isObject(c)) out.push({ path: pod.specPath.concat(list, i), container: c, list });
    });
  }
  CONTAINERS.set(pod, out);
  return out;
}
/** Per PodSpecAt, which podSpecsOf keeps while its template is unchanged; the lists are read, never written. */
const CONTAINERS = new WeakMap<PodSpecAt, ContainerAt[]>();
