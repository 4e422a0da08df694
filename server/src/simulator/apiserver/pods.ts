import type { Sim } from '../context';
import { dict, dicts, str } from '../obj';
import { parseQuantity } from '../quantity';
import type { KObject } from '../types';
import { admitPod } from './defaults-pod';

/**
 * Creates a Pod the way the API server does for any client (kubectl or a
 * controller): defaulting, then the admission plugins of admitPod, then the
 * initial status. Returns the error the API server answers instead, e.g. the
 * ServiceAccount admission plugin's "error looking up service account".
 */
export type Created = { object: KObject; error?: undefined } | { error: string; object?: undefined };

export function createPod(sim: Sim, pod: KObject): Created {
  const ns = pod.metadata.namespace ?? 'default';
  const spec = dict(pod.spec);
  pod.spec = spec;
  const saName = str(spec.serviceAccountName) ?? str(spec.serviceAccount) ?? 'default';
  const sa = sim.store.get('ServiceAccount', ns, saName);
  if (!sa) {
    const shown = pod.metadata.name || pod.metadata.generateName || '';
    return { error: `pods "${shown}" is forbidden: error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found` };
  }
  admitPod(spec, sim.config.names.suffix(), sa.automountServiceAccountToken !== false);
  pod.status = { phase: 'Pending', qosClass: qosClass(spec) };
  return { object: sim.store.create(pod) };
}

/**
 * v1qos.GetPodQOS: Guaranteed when every container sets equal cpu and memory
 * requests and limits, BestEffort when none sets any, else Burstable.
 */
export function qosClass(spec: Record<string, unknown>): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...dicts(spec.initContainers), ...dicts(spec.containers)];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const res = dict(c.resources);
    const req = dict(res.requests);
    const lim = dict(res.limits);
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = parseQuantity(lim[r]);
      if (l === undefined || parseQuantity(req[r] ?? lim[r]) !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
