import type { Sim } from '../context';
import { dict, list, str, type Dict } from '../obj';
import { bytes } from '../quantity';
import { newObject } from '../store';
import type { KObject } from '../types';
import { isBound, isDelayBinding } from '../scheduler/plugins/volume-binding';
import { QuietObjects } from './quiet';

const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume)
 * plus a dynamic provisioner that behaves like kind's local-path-provisioner:
 * a claim binds to the smallest matching Available volume, or a volume
 * `pvc-<claim uid>` is provisioned for it (at once for Immediate classes,
 * once the scheduler picked a node for WaitForFirstConsumer ones).
 */
export function reconcilePersistentVolumeClaims(sim: Sim): void {
  for (const pvc of sim.store.list('PersistentVolumeClaim')) {
    // What a sync reads: the claim, the volumes and the StorageClasses.
    if (!isBound(pvc)) quiet.run(sim, pvc, `${pvc.metadata.resourceVersion}/${sim.store.kindStamp('PersistentVolume')}/${sim.store.kindStamp('StorageClass')}`, () => syncClaim(sim, pvc));
  }
}

const quiet = new QuietObjects();

export function syncClaim(sim: Sim, pvc: KObject): void {
  const spec = dict(pvc.spec);
  const volumeName = str(spec.volumeName);
  if (volumeName) {
    const pv = sim.store.get('PersistentVolume', undefined, volumeName);
    if (pv && dict(pv.status).phase === 'Available') bind(sim, pvc, pv);
    return; // pre-bound to a volume that does not exist (yet): Pending
  }
  const className = str(spec.storageClassName) ?? '';
  const delay = isDelayBinding(sim, pvc);
  const selectedNode = pvc.metadata.annotations?.[SELECTED_NODE];
  const match = findVolume(sim, pvc, className);
  if (match && (!delay || selectedNode)) return bind(sim, pvc, match);
  if (!className) {
    // syncUnboundClaim with no class: nothing can provision it.
    sim.store.eventOnce(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  const cls = sim.store.get('StorageClass', undefined, className);
  if (!cls) {
    sim.store.eventOnce(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    return;
  }
  if (delay && !selectedNode) {
    sim.store.eventOnce(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  const provisioner = str(cls.provisioner) ?? '';
  if (provisioner === 'kubernetes.io/no-provisioner') {
    sim.store.eventOnce(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  provision(sim, pvc, cls, provisioner, selectedNode);
}

/** Marks a claim as chosen for a node (the scheduler's volume binder does this for WaitForFirstConsumer claims). */
export function selectNode(sim: Sim, pvc: KObject, node: string): void {
  pvc.metadata.annotations = { ...pvc.metadata.annotations, [SELECTED_NODE]: node };
  sim.store.update(pvc);
  syncClaim(sim, pvc);
}

/** findMatchingVolume: same class, every requested access mode, enough capacity; the smallest such volume wins. */
function findVolume(sim: Sim, pvc: KObject, className: string): KObject | undefined {
  const spec = dict(pvc.spec);
  const want = bytes(dict(dict(spec.resources).requests).storage);
  const modes = list(spec.accessModes).map(String);
  const candidates = sim.store.list('PersistentVolume').filter((pv) => {
    const s = dict(pv.spec);
    if (dict(pv.status).phase !== 'Available' || (str(s.storageClassName) ?? '') !== className) return false;
    if (s.claimRef !== undefined) return false;
    const have = list(s.accessModes).map(String);
    return modes.every((m) => have.includes(m)) && bytes(dict(s.capacity).storage) >= want;
  });
  candidates.sort((a, b) => bytes(dict(dict(a.spec).capacity).storage) - bytes(dict(dict(b.spec).capacity).storage) || (a.metadata.name < b.metadata.name ? -1 : 1));
  return candidates[0];
}

function provision(sim: Sim, pvc: KObject, cls: KObject, provisioner: string, node: string | undefined): void {
  const spec = dict(pvc.spec);
  const claim = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
  // The external-provisioner library's events, in its words.
  sim.store.event(pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
  sim.store.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claim}"`);
  const name = `pvc-${pvc.metadata.uid}`;
  const pvSpec: Dict = {
    accessModes: list(spec.accessModes),
    capacity: { storage: dict(dict(spec.resources).requests).storage ?? '0' },
    // local-path-provisioner: a directory on the chosen node, pinned there by node affinity.
    hostPath: { path: `/var/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
    persistentVolumeReclaimPolicy: str(cls.reclaimPolicy) ?? 'Delete',
    storageClassName: cls.metadata.name,
    volumeMode: spec.volumeMode ?? 'Filesystem',
  };
  if (node) {
    pvSpec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } };
  }
  const pv = sim.store.create(
    newObject('v1', 'PersistentVolume', { name, annotations: { 'pv.kubernetes.io/provisioned-by': provisioner }, finalizers: ['kubernetes.io/pv-protection'] }, { spec: pvSpec, status: { phase: 'Available' } }),
  );
  sim.store.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
  pvc.metadata.annotations = { ...pvc.metadata.annotations, 'volume.beta.kubernetes.io/storage-provisioner': provisioner, 'volume.kubernetes.io/storage-provisioner': provisioner };
  bind(sim, pvc, pv);
}

/** bindVolumeToClaim + bindClaimToVolume: both sides point at each other and are Bound. */
function bind(sim: Sim, pvc: KObject, pv: KObject): void {
  const pvSpec = dict(pv.spec);
  pvSpec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
  pv.spec = pvSpec;
  pv.status = { phase: 'Bound' };
  sim.store.update(pv);
  const spec = dict(pvc.spec);
  spec.volumeName = pv.metadata.name;
  pvc.spec = spec;
  pvc.metadata.annotations = { ...pvc.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
  pvc.status = { accessModes: list(pvSpec.accessModes), capacity: dict(pvSpec.capacity), phase: 'Bound' };
  sim.store.update(pvc);
}
