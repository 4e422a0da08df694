import { valueAt } from '../../k8s/podSpecs';
import type { Resource } from '../../k8s/resource';

/**
 * How many pods an object keeps running, as the API defaults it: replicas default to 1
 * (SetDefaults_Deployment, _ReplicaSet, _StatefulSet, _ReplicationController); a Job runs
 * `parallelism` pods at a time (default 1), never more than its `completions`. A DaemonSet
 * runs one per eligible node and a CronJob none until its schedule fires: those have no count.
 */
export type PodCount = { pods: number } | { per: 'node' | 'schedule' };

const count = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback);

export function podCount(res: Resource): PodCount {
  const spec = valueAt(res.value, ['spec']);
  switch (res.kind) {
    case 'Pod':
      return { pods: 1 };
    case 'DaemonSet':
      return { per: 'node' };
    case 'CronJob':
      return { per: 'schedule' };
    case 'Job': {
      const parallelism = count(valueAt(spec, ['parallelism']), 1);
      const completions = valueAt(spec, ['completions']);
      return { pods: typeof completions === 'number' ? Math.min(parallelism, count(completions, parallelism)) : parallelism };
    }
    default:
      return { pods: count(valueAt(spec, ['replicas']), 1) };
  }
}
