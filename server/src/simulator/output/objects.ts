import type { Sim } from '../context';
import { clone, dict } from '../obj';
import type { KObject } from '../types';

/** Kinds in the order they are listed, roughly the order `kubectl get all` and friends show them. */
const KIND_ORDER = [
  'Namespace', 'Node', 'StorageClass', 'PersistentVolume', 'ServiceAccount', 'ConfigMap', 'Secret',
  'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod',
  'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'PersistentVolumeClaim',
];

const RANK = new Map(KIND_ORDER.map((kind, i) => [kind, i]));
const rank = (kind: string): number => RANK.get(kind) ?? KIND_ORDER.length;

/** Every object, sorted by kind, namespace and name, as `kubectl get -o json` would show it. */
export function snapshot(sim: Sim, showSecrets: boolean, copy = true): KObject[] {
  // Without `copy` the objects are the store's own: only for the last look at a simulation that is over.
  // The store keeps each kind sorted by namespace and name already: only the kinds need sorting.
  const kinds = sim.store.kinds().sort((a, b) => rank(a) - rank(b) || cmp(a, b));
  const objects: KObject[] = [];
  for (const kind of kinds) for (const o of sim.store.view(kind)) objects.push(copy || (o.kind === 'Secret' && !showSecrets) ? clone(o) : o);
  if (!showSecrets) for (const o of objects) if (o.kind === 'Secret') maskSecret(o);
  return objects;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Secret values never leave the simulator unless asked for; the keys stay visible. */
function maskSecret(o: KObject): void {
  for (const field of ['data', 'stringData']) {
    const d = dict(o[field]);
    if (o[field] === undefined) continue;
    for (const k of Object.keys(d)) d[k] = '***';
    o[field] = d;
  }
  const last = o.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (last) o.metadata.annotations = { ...o.metadata.annotations, 'kubectl.kubernetes.io/last-applied-configuration': '***' };
}
