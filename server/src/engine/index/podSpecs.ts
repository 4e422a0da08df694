import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';

/**
 * Where a resource keeps its pod template(s). A small walker of its own:
 * engine/k8s/podSpecs.ts did not exist yet when the workspace index was written.
 * Deployment-like kinds of other projects (OpenShift DeploymentConfig, Argo
 * Rollout) create pods the same way, so their templates count as pods too.
 */
const TEMPLATE_AT: Record<string, readonly PathSegment[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
  Rollout: ['spec', 'template'],
};

export interface PodSpecAt {
  /** Path to the pod template (or [] for a Pod): its metadata and spec are below it. */
  templatePath: readonly PathSegment[];
  specPath: readonly PathSegment[];
  spec: Record<string, unknown>;
  labels: Record<string, string>;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function get(v: unknown, path: readonly PathSegment[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isObject(cur) ? cur[seg] : undefined;
  }
  return cur;
}

/** Label maps as the API reads them: scalar values become strings (a YAML 1.1 `true` is a type error the schema rules report). */
export function labelMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (val !== null && typeof val !== 'object') out[k] = String(val);
  return out;
}

export function podSpecsOf(res: Resource): PodSpecAt[] {
  const at = TEMPLATE_AT[res.kind];
  if (!at) return [];
  const template = get(res.value, at);
  if (!isObject(template)) return [];
  // A template without a spec is invalid on its own, but its labels still tell which pods it makes.
  const spec = isObject(template.spec) ? template.spec : {};
  return [{ templatePath: at, specPath: [...at, 'spec'], spec, labels: labelMap(get(template, ['metadata', 'labels'])) }];
}

/** True for kinds whose pods a Service can select (a PodTemplate object runs nothing). */
export const runsPods = (kind: string): boolean => kind in TEMPLATE_AT;

export interface ContainerAt {
  path: readonly PathSegment[];
  container: Record<string, unknown>;
}

/** Every container of a pod spec: init, regular and ephemeral. */
export function containersOf(p: PodSpecAt): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = p.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isObject(c)) out.push({ path: [...p.specPath, field, i], container: c });
    });
  }
  return out;
}
