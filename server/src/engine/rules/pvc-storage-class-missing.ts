import { claimsOf } from '../index/claims';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

/** The simulated cluster's only StorageClass, the default one (simulator/cluster.ts, like kind's). */
const CLUSTER_DEFAULT_CLASS = 'standard';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'pvc-storage-class-missing',
    defaultSeverity: 'warning',
    description: 'A PersistentVolumeClaim (or a StatefulSet or ephemeral volumeClaimTemplate) names a storageClassName that no StorageClass or PersistentVolume of the workspace has, and that the default cluster does not provide.',
    rationale:
      'A claim with a storageClassName is provisioned by that StorageClass, or bound to a PersistentVolume with the same storageClassName. When neither exists the claim stays Pending (`storageclass.storage.k8s.io "fast" not found`), and so do the pods that mount it. StorageClasses are cluster-scoped, so one in any file counts. `storageClassName: ""` asks for no class (a pre-created volume) and is never flagged; a claim without storageClassName gets the default class. The simulated cluster has one StorageClass, `standard`. When the workspace defines no StorageClass at all, the classes most likely come with the cluster (gp3 on EKS, premium-rwo on GKE), so the finding is only information.',
    example: 'kind: PersistentVolumeClaim\nspec:\n  storageClassName: fast-ssd',
  },
  check(ctx) {
    const claims = claimsOf(ctx.res);
    if (claims.length === 0) return;
    const classes = ctx.index.list('storage.k8s.io', 'StorageClass', undefined);
    const volumes = ctx.index.list('', 'PersistentVolume', undefined);
    for (const c of claims) {
      const name = c.fact.storageClassName;
      if (name === undefined || name === '' || name === CLUSTER_DEFAULT_CLASS) continue;
      if (ctx.index.get('storage.k8s.io', 'StorageClass', undefined, name).length) continue;
      // Static provisioning: a class name shared with a PersistentVolume binds without any StorageClass object.
      // (list() records which volumes exist; get() records their facts, so a changed class re-checks this claim.)
      if (volumes.some((v) => ctx.index.get('', 'PersistentVolume', undefined, v.name)[0]?.facts.volume?.storageClassName === name)) continue;
      const known = [...new Set([...classes.map((s) => s.name), CLUSTER_DEFAULT_CLASS])];
      const guess = closest(name, known);
      const target = guess ? classes.find((s) => s.name === guess) : undefined;
      const path = [...c.specPath, 'storageClassName'];
      ctx.report({
        path,
        severity: classes.length === 0 ? 'info' : undefined,
        message: `StorageClass "${name}" is not defined in the workspace${volumes.length ? ', no PersistentVolume has that class,' : ''} and the default cluster has only "${CLUSTER_DEFAULT_CLASS}": the ${c.label} ${c.plural ? 'stay' : 'stays'} Pending (storageclass.storage.k8s.io "${name}" not found).${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `storageclass/${guess}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
      });
    }
  },
};
