import { closest } from '../util/suggest';
import type { WorkspaceContext } from '../rules/types';
import { configRefs, type RefKind } from './refs';
import { notInWorkspace, reportedInOtherNamespace } from './missingRef';

/**
 * configmap-ref-missing and secret-ref-missing: the kubelet resolves these
 * references when it starts the pod, in the pod's namespace only. A missing
 * object or key in env/envFrom stops the container with CreateContainerConfigError
 * (`configmap "x" not found`, `couldn't find key k in ConfigMap ns/x`); in a
 * volume the pod stays in ContainerCreating (MountVolume.SetUp failed). With
 * `optional: true` the kubelet skips what is missing, so it is only advice.
 */
export function checkConfigRefs(ctx: WorkspaceContext, kind: RefKind): void {
  const { res, namespace } = ctx;
  if (namespace === undefined) return;
  const reported = new Set<string>();
  const lower = kind.toLowerCase();
  for (const ref of configRefs(res)) {
    if (ref.kind !== kind) continue;
    const found = ctx.index.get('', kind, namespace, ref.name);
    const severity = ref.optional ? 'info' : undefined;
    const consequence = ref.optional
      ? 'the pod starts without it (optional: true)'
      : ref.via === 'imagePullSecrets'
        ? 'pulling images from a private registry will fail'
        : ref.via.startsWith('volume')
          ? 'the pod stays in ContainerCreating until it exists'
          : 'the container fails with CreateContainerConfigError until it exists';
    if (found.length === 0) {
      const pathKey = JSON.stringify(ref.namePath);
      if (reported.has(pathKey)) continue;
      reported.add(pathKey);
      const missing = { kind, plural: `${kind}s`, name: ref.name, namespace, via: ref.via };
      if (reportedInOtherNamespace(ctx, missing, { path: ref.namePath, reader: 'a pod', consequence, ...(severity ? { severity } : {}) })) continue;
      const others = ctx.index.list('', kind, namespace);
      // The workspace speaks for this namespace's ConfigMaps/Secrets only when it defines some there;
      // otherwise they may be created elsewhere (kubectl create, a generator, another repository).
      // Secrets nearly always are, since they are kept out of git, so only a ConfigMap a pod needs gets advice then.
      if (others.length === 0) {
        if (kind === 'ConfigMap' && !ref.optional && ctx.index.namespaceSettled(res)) ctx.report({ path: ref.namePath, severity: 'info', message: notInWorkspace(missing, consequence) });
        continue;
      }
      const guess = closest(ref.name, others.map((o) => o.name));
      const target = guess ? others.find((o) => o.name === guess) : undefined;
      ctx.report({
        path: ref.namePath,
        severity,
        message: `${lower} "${ref.name}" not found in namespace "${namespace}" (${ref.via}): ${consequence}.${guess ? ` Did you mean "${guess}"?` : ''}`,
        related: target ? [{ target, path: ['metadata', 'name'], message: `${lower}/${guess} in namespace ${namespace}` }] : [],
        fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(ref.namePath), newText: guess }] }] : [],
      });
      continue;
    }
    const obj = found[0];
    // Several definitions (a base's generator and an overlay's merge, alternative renderings): a key of any of them counts.
    const keys = found.some((f) => f.facts.keys === undefined) ? undefined : [...new Set(found.flatMap((f) => f.facts.keys ?? []))].sort();
    if (ref.key === undefined || !ref.keyPath || keys === undefined || keys.includes(ref.key)) continue;
    const guess = closest(ref.key, keys);
    const dataField = kind === 'Secret' ? 'data/stringData' : 'data/binaryData';
    ctx.report({
      path: ref.keyPath,
      severity,
      message: `${lower} "${ref.name}" has no key "${ref.key}" (${ref.via}): ${consequence}. Its keys: ${keys.length ? keys.join(', ') : '(none)'}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      related: [{ target: obj, path: ['metadata', 'name'], message: `${lower}/${ref.name} defines ${keys.length ? keys.join(', ') : 'no keys'} in ${dataField}` }],
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(ref.keyPath), newText: guess }] }] : [],
    });
  }
}
