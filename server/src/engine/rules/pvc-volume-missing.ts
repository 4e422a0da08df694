import { claimsOf } from '../index/claims';
import { closest } from '../util/suggest';
import type { WorkspaceRule } from './types';

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'pvc-volume-missing',
    defaultSeverity: 'warning',
    description: 'A PersistentVolumeClaim (or StatefulSet volumeClaimTemplate) whose volumeName names no PersistentVolume of the workspace.',
    rationale:
      'A claim with spec.volumeName is pre-bound: the PersistentVolume controller waits for exactly that volume and never provisions one, so the claim stays Pending until a PersistentVolume of that name exists. PersistentVolumes are cluster-scoped, so one in any file counts. When the workspace defines no PersistentVolume at all, the volume is most likely created elsewhere (by an administrator or another repository), so the finding is only information.',
    example: 'kind: PersistentVolumeClaim\nspec:\n  volumeName: data-pv',
  },
  check(ctx) {
    const claims = claimsOf(ctx.res);
    for (const c of claims) {
      const name = c.fact.volumeName;
      if (name === undefined || ctx.index.get('', 'PersistentVolume', undefined, name).length) continue;
      const volumes = ctx.index.list('', 'PersistentVolume', undefined);
      const guess = closest(name, volumes.map((v) => v.name));
      const target = guess ? volumes.find((v) => v.name === guess) : undefined;
      const path = [...c.specPath, 'volumeName'];
      ctx.report({
        path,
        severity: volumes.length === 0 ? 'info' : undefined,
        message: `PersistentVolume "${name}" is not defined in the workspace: the ${c.label} ${c.plural ? 'are' : 'is'} pre-bound to it and ${c.plural ? 'stay' : 'stays'} Pending until it exists.${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `persistentvolume/${guess}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(path), newText: guess }] }] : [],
      });
    }
  },
};
