import type { Sim } from '../context';
import { computeHash } from '../hash';
import { dict, dicts, type Dict } from '../obj';
import type { KObject } from '../types';
import { matchesNodeAffinity } from '../scheduler/plugins/node-affinity';
import { untoleratedTaint } from '../scheduler/plugins/taint-toleration';
import { createControlledPod, isPodReady, ownedBy, podFromTemplate, setStatus } from './util';

/**
 * util.AddOrUpdateDaemonPodTolerations: daemon pods tolerate the node
 * conditions that would evict or block ordinary pods.
 */
const DAEMON_TOLERATIONS: Dict[] = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/pid-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', operator: 'Exists' },
];

/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per node whose
 * labels pass the pod's nodeSelector / required affinity and whose taints the
 * pod tolerates (NodeShouldRunDaemonPod). Each pod is pinned to its node by a
 * matchFields metadata.name affinity and left to the scheduler.
 */
export function reconcileDaemonSets(sim: Sim): void {
  for (const ds of sim.store.list('DaemonSet')) reconcile(sim, ds);
}

function reconcile(sim: Sim, ds: KObject): void {
  const spec = dict(ds.spec);
  const template = dict(spec.template);
  const podSpec = dict(template.spec);
  const tolerations = [...dicts(podSpec.tolerations), ...DAEMON_TOLERATIONS.filter((t) => !dicts(podSpec.tolerations).some((x) => x.key === t.key))];
  const pods = ownedBy(sim, 'Pod', ds);
  const hash = computeHash(template).slice(0, 10);
  let desired = 0;
  for (const node of sim.store.list('Node')) {
    if (!matchesNodeAffinity(podSpec, node.metadata.labels ?? {}, node.metadata.name) || untoleratedTaint(tolerations, node)) continue;
    desired++;
    if (pods.some((p) => dict(p.spec).nodeName === node.metadata.name || pinnedTo(p) === node.metadata.name)) continue;
    const pod = podFromTemplate(ds, template, { generateName: `${ds.metadata.name}-`, labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) } });
    const ps = dict(pod.spec);
    ps.tolerations = tolerations;
    ps.affinity = { ...dict(ps.affinity), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }] } } };
    createControlledPod(sim, ds, pod);
  }
  const live = ownedBy(sim, 'Pod', ds);
  const scheduled = live.filter((p) => dict(p.spec).nodeName).length;
  const ready = live.filter(isPodReady).length;
  setStatus(sim, ds, {
    currentNumberScheduled: scheduled,
    desiredNumberScheduled: desired,
    ...(ready ? { numberAvailable: ready } : {}),
    numberMisscheduled: 0,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    ...(live.length - ready > 0 ? { numberUnavailable: live.length - ready } : {}),
    updatedNumberScheduled: scheduled,
  });
}

function pinnedTo(pod: KObject): string | undefined {
  const terms = dicts(dict(dict(dict(dict(pod.spec).affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
  const f = dicts(terms[0]?.matchFields).find((m) => m.key === 'metadata.name');
  return Array.isArray(f?.values) ? String(f.values[0]) : undefined;
}
