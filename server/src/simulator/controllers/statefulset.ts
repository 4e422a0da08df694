import type { Sim } from '../context';
import { computeHash } from '../hash';
import { clone, dict, dicts, num, str, stringMap, type Dict } from '../obj';
import { newObject } from '../store';
import type { KObject } from '../types';
import { createControlledPod, isPodReady, isRunning, ownedBy, podFromTemplate, setStatus } from './util';

/**
 * The StatefulSet controller (pkg/controller/statefulset): pods `<name>-0`
 * … `<name>-(N-1)` with stable hostname and subdomain, and for each
 * volumeClaimTemplate a claim `<template>-<name>-<ordinal>` created before the
 * pod. With OrderedReady (the default) pod i+1 is created only once pod i is
 * Running and Ready; Parallel creates them all at once.
 */
export function reconcileStatefulSets(sim: Sim): void {
  for (const sts of sim.store.list('StatefulSet')) reconcile(sim, sts);
}

function reconcile(sim: Sim, sts: KObject): void {
  const spec = dict(sts.spec);
  const name = sts.metadata.name;
  const replicas = sim.podBudget(sts, num(spec.replicas) ?? 1);
  const revision = `${name}-${computeHash(spec.template)}`;
  const ordered = spec.podManagementPolicy !== 'Parallel';
  const pods = new Map(ownedBy(sim, 'Pod', sts).map((p) => [p.metadata.name, p]));
  for (let i = 0; i < replicas; i++) {
    const podName = `${name}-${i}`;
    let pod = pods.get(podName);
    if (!pod) {
      createClaims(sim, sts, i);
      pod = createControlledPod(sim, sts, statefulPod(sts, i, revision), (n) => `create Pod ${n} in StatefulSet ${name} successful`);
      if (pod) pods.set(podName, pod);
    }
    if (ordered && (!pod || !isRunning(pod) || !isPodReady(pod))) break;
  }
  // Scale down: the highest ordinals go first.
  for (const [podName, pod] of pods) {
    const ordinal = Number(podName.slice(name.length + 1));
    if (ordinal >= replicas) {
      sim.store.delete(pod);
      sim.store.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${podName} in StatefulSet ${name} successful`);
    }
  }
  const live = ownedBy(sim, 'Pod', sts);
  const ready = live.filter(isPodReady).length;
  setStatus(sim, sts, {
    availableReplicas: ready,
    collisionCount: 0,
    currentReplicas: live.length,
    currentRevision: revision,
    observedGeneration: sts.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    replicas: live.length,
    updateRevision: revision,
    updatedReplicas: live.length,
  });
}

function statefulPod(sts: KObject, ordinal: number, revision: string): KObject {
  const spec = dict(sts.spec);
  const podName = `${sts.metadata.name}-${ordinal}`;
  // newVersionedStatefulSetPod: identity labels, and claims replacing same-named volumes.
  const pod = podFromTemplate(sts, dict(spec.template), {
    name: podName,
    labels: { 'apps.kubernetes.io/pod-index': String(ordinal), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
  });
  pod.metadata.generateName = `${sts.metadata.name}-`;
  const podSpec = dict(pod.spec);
  podSpec.hostname = podName;
  if (str(spec.serviceName)) podSpec.subdomain = spec.serviceName;
  const templates = dicts(spec.volumeClaimTemplates);
  const claimVolumes = templates.map((t) => {
    const tname = str(dict(t.metadata).name) ?? '';
    return { name: tname, persistentVolumeClaim: { claimName: `${tname}-${podName}` } };
  });
  const names = new Set(claimVolumes.map((v) => v.name));
  podSpec.volumes = [...claimVolumes, ...dicts(podSpec.volumes).filter((v) => !names.has(str(v.name) ?? ''))];
  if ((podSpec.volumes as unknown[]).length === 0) delete podSpec.volumes;
  return pod;
}

function createClaims(sim: Sim, sts: KObject, ordinal: number): void {
  const spec = dict(sts.spec);
  const podName = `${sts.metadata.name}-${ordinal}`;
  for (const t of dicts(spec.volumeClaimTemplates)) {
    const claimName = `${str(dict(t.metadata).name) ?? ''}-${podName}`;
    if (sim.store.has('PersistentVolumeClaim', sts.metadata.namespace, claimName)) continue;
    const claimSpec = clone(dict(t.spec)) as Dict;
    if (claimSpec.storageClassName === undefined) {
      const def = sim.store.list('StorageClass').find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
      if (def) claimSpec.storageClassName = def.metadata.name;
    }
    // getPersistentVolumeClaims: the claim carries the selector's labels.
    sim.store.create(newObject('v1', 'PersistentVolumeClaim', { name: claimName, namespace: sts.metadata.namespace, labels: stringMap(dict(spec.selector).matchLabels), finalizers: ['kubernetes.io/pvc-protection'] }, { spec: claimSpec, status: { phase: 'Pending' } }));
    sim.store.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`);
  }
}
