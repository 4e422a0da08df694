import type { Sim } from '../context';
import { dict, stringMap, type Dict } from '../obj';
import { createNamespaceDefaults } from '../controllers/namespace';
import type { KObject } from '../types';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultPvcSpec, defaultReplicaSet, defaultStatefulSet } from './defaults-workloads';
import { defaultService } from './defaults-service';
import { createPod, type Created } from './pods';
import { allocateService } from './service-alloc';
import { base64Encode } from '../../engine/k8s/base64';

/** Kinds whose metadata.generation the API server tracks (their strategies bump it on spec changes). */
const HAS_GENERATION = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Ingress', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget']);

const WORKLOAD_DEFAULTS: Record<string, (spec: Dict) => void> = {
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
};

/**
 * Stores an object as the API server's REST storage for its kind would:
 * defaulting, the kind's create strategy, and the mutating admission plugins
 * that matter here. With `previous`, it replaces that stored object (an update).
 */
export function createObject(sim: Sim, obj: KObject, previous?: KObject): Created {
  const spec = dict(obj.spec);
  if (obj.spec !== undefined || WORKLOAD_DEFAULTS[obj.kind] || obj.kind === 'Service' || obj.kind === 'PersistentVolumeClaim' || obj.kind === 'Ingress') obj.spec = spec;
  WORKLOAD_DEFAULTS[obj.kind]?.(spec);
  switch (obj.kind) {
    case 'Pod':
      if (previous) return { object: replace(sim, previous, obj) };
      return createPod(sim, obj);
    case 'Service': {
      defaultService(spec);
      const error = allocateService(sim, obj.metadata.name, spec, previous ? dict(previous.spec) : undefined);
      if (error) return { error };
      obj.status = { loadBalancer: {} };
      break;
    }
    case 'PersistentVolumeClaim':
      defaultPvcSpec(spec);
      // DefaultStorageClass admission: a claim that names no class gets the default one ("" means none).
      if (spec.storageClassName === undefined) {
        const def = sim.store.list('StorageClass').find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
        if (def) spec.storageClassName = def.metadata.name;
      }
      obj.metadata.finalizers = ['kubernetes.io/pvc-protection']; // the StorageObjectInUseProtection admission plugin
      obj.status = previous?.status ?? { phase: 'Pending' };
      break;
    case 'PersistentVolume':
      spec.persistentVolumeReclaimPolicy ??= 'Retain';
      spec.volumeMode ??= 'Filesystem';
      obj.metadata.finalizers = ['kubernetes.io/pv-protection'];
      obj.status = previous?.status ?? { phase: 'Available' };
      break;
    case 'Namespace':
      obj.metadata.labels = { ...stringMap(obj.metadata.labels), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      break;
    case 'Secret':
      defaultSecret(obj);
      break;
    case 'Ingress':
      // DefaultIngressClass admission: an Ingress naming no class gets the default IngressClass.
      if (spec.ingressClassName === undefined && !obj.metadata.annotations?.['kubernetes.io/ingress.class']) {
        const def = sim.store.list('IngressClass').find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
        if (def) spec.ingressClassName = def.metadata.name;
      }
      obj.status = { loadBalancer: {} };
      break;
  }
  if (HAS_GENERATION.has(obj.kind)) obj.metadata.generation = 1;
  if (previous) return { object: replace(sim, previous, obj) };
  const stored = sim.store.create(obj);
  if (obj.kind === 'Namespace') createNamespaceDefaults(sim, obj.metadata.name);
  if (obj.kind === 'Job') labelJob(obj);
  return { object: stored };
}

/** Update in place: the new content, the server-owned metadata and status of the old. */
function replace(sim: Sim, previous: KObject, next: KObject): KObject {
  const specChanged = JSON.stringify(previous.spec) !== JSON.stringify(next.spec);
  const keep = previous.metadata;
  for (const k of Object.keys(previous)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') delete previous[k];
  for (const [k, v] of Object.entries(next)) if (k !== 'metadata' && k !== 'status') previous[k] = v;
  previous.metadata = {
    ...next.metadata,
    uid: keep.uid,
    creationTimestamp: keep.creationTimestamp,
    resourceVersion: keep.resourceVersion,
    ...(keep.generation !== undefined ? { generation: keep.generation + (specChanged ? 1 : 0) } : {}),
    ...(keep.ownerReferences ? { ownerReferences: keep.ownerReferences } : {}),
    ...(keep.finalizers ? { finalizers: keep.finalizers } : {}),
    ...(keep.generateName ? { generateName: keep.generateName } : {}),
  };
  if (previous.kind === 'Job') labelJob(previous, keep.uid);
  sim.store.update(previous);
  return previous;
}

/**
 * pkg/registry/batch/job/strategy.go generateSelector: a Job without
 * manualSelector selects its pods by its own uid, and labels its template so.
 */
function labelJob(job: KObject, uid = job.metadata.uid): void {
  const spec = dict(job.spec);
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
  job.metadata.labels = { ...labels, ...stringMap(job.metadata.labels) };
  if (spec.manualSelector !== true) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = dict(spec.template);
  const tmeta = dict(template.metadata);
  tmeta.labels = { ...stringMap(tmeta.labels), ...labels };
  template.metadata = tmeta;
  spec.template = template;
  job.spec = spec;
}

/** SetDefaults_Secret (type Opaque), and stringData folded into base64 data as the API server does. */
function defaultSecret(obj: KObject): void {
  obj.type ??= 'Opaque';
  const stringData = stringMap(obj.stringData);
  if (Object.keys(stringData).length) {
    const data = dict(obj.data);
    for (const [k, v] of Object.entries(stringData)) data[k] = base64Encode(v);
    obj.data = data;
  }
  delete obj.stringData;
}
