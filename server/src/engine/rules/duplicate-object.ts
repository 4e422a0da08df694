import type { WorkspaceRule } from './types';

/** The folder part of a URI or path: `kubectl apply -f DIR` applies one folder at a time. */
const folderOf = (uri: string): string => uri.slice(0, uri.lastIndexOf('/') + 1);

export const rule: WorkspaceRule = {
  kind: 'workspace',
  meta: {
    id: 'duplicate-object',
    defaultSeverity: 'warning',
    description: 'The same object (group, kind, namespace, name) is defined more than once in the workspace.',
    rationale:
      'An object is identified by its group, kind, namespace and name. When two manifests of one folder define the same one, `kubectl apply` applies both in turn and the last one silently wins (kustomize and Helm refuse the duplicate outright), so one of the two definitions never takes effect. Rename one, or delete the copy. Copies in different folders are not compared: those are usually alternative renderings (a release bundle beside the sources, a kustomize overlay patch).',
    example: '# two files that both define ConfigMap default/app-config',
  },
  check(ctx) {
    const { res, namespace } = ctx;
    if (!res.name) return;
    // Copies in other folders are usually other renderings of the same app (a release bundle,
    // a kustomize overlay's patch), applied instead of this one, not together with it.
    const all = ctx.index.get(res.group, res.kind, namespace, res.name).filter((r) => !r.facts.generatedBy && folderOf(r.uri) === folderOf(res.uri));
    if (all.length < 2) return;
    const others = all.filter((r) => r.res !== res);
    if (others.length === all.length) return;
    const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
    ctx.report({
      path: ['metadata', 'name'],
      message: `${res.kind} "${res.name}"${where} is defined ${all.length} times in this folder; when applied, the last definition silently replaces the others.`,
      related: others.map((o) => ({ target: o, path: ['metadata', 'name'], message: `the other definition of ${res.kind.toLowerCase()}/${res.name}` })),
    });
  },
};
