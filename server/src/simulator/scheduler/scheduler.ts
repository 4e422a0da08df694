import type { Sim } from '../context';
import { dict, nsName, str } from '../obj';
import { bytes, milliCpu, parseQuantity } from '../quantity';
import type { KObject } from '../types';
import { selectNode } from '../controllers/persistentvolume';
import { fitErrorMessage, preemptionMessage, type NodeInfo, type Plugin, type Status } from './framework';
import { nodeAffinity } from './plugins/node-affinity';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { resourcesFit } from './plugins/resources-fit';
import { taintToleration } from './plugins/taint-toleration';
import { isBound, isDelayBinding, podClaimNames, volumeBinding } from './plugins/volume-binding';
import { nonZeroRequests, podRequests } from './resources';

/** The default profile's filters, in kube-scheduler's order (first failure per node wins). */
export const PLUGINS: readonly Plugin[] = [nodeUnschedulable, taintToleration, nodeAffinity, resourcesFit, volumeBinding];

/**
 * One pass of kube-scheduler over the unscheduled pods that name
 * default-scheduler, in queue order (creation order; every pod has priority 0).
 * A pod goes to the feasible node with the best score, ties broken by node
 * name so the result is reproducible (upstream picks randomly among equals).
 */
export function schedulePending(sim: Sim): void {
  const pending = sim.store.view('Pod').filter((p) => !dict(p.spec).nodeName && dict(p.spec).schedulerName === 'default-scheduler' && dict(p.status).phase === 'Pending');
  if (pending.length === 0) return;
  const nodes = nodeInfos(sim);
  let state = nodesState(nodes);
  for (const pod of sim.store.creationOrder(pending)) {
    // kube-scheduler parks an unschedulable pod until a cluster event could make it fit; here: until the pod or the nodes change.
    const last = unschedulable.get(pod);
    // The claims are read only when the pod and the nodes are as the last attempt saw them.
    // (The names of its claims are the pod's: the same at the same resourceVersion.)
    if (last && last.resourceVersion === pod.metadata.resourceVersion && last.nodes === state && last.claims === claimsState(sim, pod, last.claimNames)) continue;
    // A failed attempt writes only the pod (its condition), never a claim or class, so the claims read after it are those it saw.
    if (scheduleOne(sim, pod, nodes)) state = nodesState(nodes);
    else {
      const claimNames = podClaimNames(pod);
      unschedulable.set(pod, { resourceVersion: pod.metadata.resourceVersion, nodes: state, claimNames, claims: claimsState(sim, pod, claimNames) });
    }
  }
}

/**
 * Pods whose last attempt failed, with what that attempt saw. Retrying with
 * the same pod, nodes, claims and classes gives the same message, which
 * changes nothing (fail() writes only a new message; the event is folded).
 */
const unschedulable = new WeakMap<KObject, { resourceVersion: string; nodes: string; claimNames: string[]; claims: string }>();

/** What the filters and scores read from the nodes. */
function nodesState(nodes: readonly NodeInfo[]): string {
  return JSON.stringify(nodes.map((n) => [n.name, n.node.metadata.resourceVersion, n.requested, n.nonZeroRequested]));
}

/** What volume binding reads besides the pod: each claim it names and the claim's StorageClass ('' when absent). */
function claimsState(sim: Sim, pod: KObject, names: readonly string[]): string {
  if (names.length === 0) return '';
  return names
    .map((n) => {
      const pvc = sim.store.get('PersistentVolumeClaim', pod.metadata.namespace, n);
      const cls = pvc && str(dict(pvc.spec).storageClassName);
      return `${pvc?.metadata.resourceVersion ?? ''}/${cls ? (sim.store.get('StorageClass', undefined, cls)?.metadata.resourceVersion ?? '') : ''}`;
    })
    .join(',');
}

/** One scheduling attempt; true when the pod was bound. */
function scheduleOne(sim: Sim, pod: KObject, nodes: NodeInfo[]): boolean {
  let preFiltered: Status | undefined;
  for (const p of PLUGINS) if ((preFiltered = p.preFilter?.(sim, pod))) break;
  const preFilterMsg = preFiltered?.reasons.join(', ');
  if (preFiltered && preFilterMsg) {
    fail(sim, pod, preFilterFailure(nodes, preFiltered, preFilterMsg));
    return false;
  }
  const statuses = new Map<string, Status>();
  if (preFiltered) for (const n of nodes) statuses.set(n.name, preFiltered);
  const feasible: NodeInfo[] = [];
  for (const n of nodes) {
    let failed: Status | undefined;
    for (const p of PLUGINS) if ((failed = p.filter?.(sim, pod, n))) break;
    if (failed) statuses.set(n.name, failed);
    else feasible.push(n);
  }
  if (feasible.length === 0) {
    fail(sim, pod, fitErrorMessage(nodes.length, preFilterMsg, statuses, preemptionMessage(nodes.length, statuses)));
    return false;
  }
  let best = feasible[0];
  let bestScore = -1;
  for (const n of [...feasible].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const score = PLUGINS.reduce((s, p) => s + (p.score?.(sim, pod, n) ?? 0), 0);
    if (score > bestScore + 1e-9) {
      best = n;
      bestScore = score;
    }
  }
  bind(sim, pod, best);
  return true;
}

/**
 * The FitError message of a PreFilter failure, which every node shares. Pods
 * of one workload fail alike ("pod has unbound immediate
 * PersistentVolumeClaims"), so each message is made once per node list.
 */
function preFilterFailure(nodes: readonly NodeInfo[], s: Status, preFilterMsg: string): string {
  let perNodes = preFilterMessages.get(nodes);
  if (!perNodes) preFilterMessages.set(nodes, (perNodes = new Map()));
  const key = `${s.code}\u0000${preFilterMsg}`;
  let message = perNodes.get(key);
  if (message === undefined) {
    const statuses = new Map(nodes.map((n) => [n.name, s]));
    message = fitErrorMessage(nodes.length, preFilterMsg, statuses, preemptionMessage(nodes.length, statuses));
    perNodes.set(key, message);
  }
  return message;
}

const preFilterMessages = new WeakMap<readonly NodeInfo[], Map<string, string>>();

/** The scheduler's binding cycle: WaitForFirstConsumer claims get the node, then the pod is bound (Scheduled event). */
function bind(sim: Sim, pod: KObject, node: NodeInfo): void {
  for (const claim of podClaimNames(pod)) {
    const pvc = sim.store.get('PersistentVolumeClaim', pod.metadata.namespace, claim);
    if (pvc && !isBound(pvc) && isDelayBinding(sim, pvc)) selectNode(sim, pvc, node.name);
  }
  dict(pod.spec).nodeName = node.name;
  const status = dict(pod.status);
  status.conditions = [{ lastProbeTime: null, lastTransitionTime: sim.store.now(), status: 'True', type: 'PodScheduled' }];
  pod.status = status;
  sim.store.update(pod);
  addPod(node, pod);
  sim.store.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${nsName(pod)} to ${node.name}`);
}

function fail(sim: Sim, pod: KObject, message: string): void {
  const status = dict(pod.status);
  const cond = { lastProbeTime: null, lastTransitionTime: sim.store.now(), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' };
  const old = Array.isArray(status.conditions) ? (status.conditions as Record<string, unknown>[]).find((c) => c.type === 'PodScheduled') : undefined;
  if (old?.message !== message) {
    status.conditions = [cond];
    pod.status = status;
    sim.store.update(pod);
  }
  // The scheduler retries and the API server folds repeats into one event with a count.
  sim.store.eventOnce(pod, 'Warning', 'FailedScheduling', message);
}

/** framework.NodeInfo for every node, with the requests of the pods already bound to it. */
export function nodeInfos(sim: Sim): NodeInfo[] {
  const infos = new Map<string, NodeInfo>();
  for (const node of sim.store.list('Node')) {
    const alloc = dict(dict(node.status).allocatable);
    const scalar: Record<string, number> = {};
    for (const [k, v] of Object.entries(alloc)) if (!['cpu', 'memory', 'pods'].includes(k)) scalar[k] = parseQuantity(v) ?? 0;
    infos.set(node.metadata.name, {
      node,
      name: node.metadata.name,
      labels: node.metadata.labels ?? {},
      allocatable: { milliCpu: milliCpu(alloc.cpu), memory: bytes(alloc.memory), pods: parseQuantity(alloc.pods) ?? 110, scalar },
      requested: { milliCpu: 0, memory: 0, pods: 0, scalar: {} },
      nonZeroRequested: { milliCpu: 0, memory: 0 },
    });
  }
  for (const pod of sim.store.view('Pod')) {
    const info = infos.get(str(dict(pod.spec).nodeName) ?? '');
    const phase = dict(pod.status).phase;
    if (!info || phase === 'Succeeded' || phase === 'Failed') continue;
    addPod(info, pod);
  }
  return [...infos.values()];
}

/** NodeInfo.AddPod: what a pod on the node requests counts against what the node has. */
function addPod(info: NodeInfo, pod: KObject): void {
  const req = podRequests(dict(pod.spec));
  const nz = nonZeroRequests(dict(pod.spec));
  info.requested.milliCpu += req.milliCpu;
  info.requested.memory += req.memory;
  info.requested.pods += 1;
  for (const [k, v] of Object.entries(req.scalar)) info.requested.scalar[k] = (info.requested.scalar[k] ?? 0) + v;
  info.nonZeroRequested.milliCpu += nz.milliCpu;
  info.nonZeroRequested.memory += nz.memory;
}
