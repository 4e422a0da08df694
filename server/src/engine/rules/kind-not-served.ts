import { lifecycleOf } from '../k8s/apis';
import { closest } from '../util/suggest';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'kind-not-served',
    defaultSeverity: 'error',
    description: 'A kind that its API group does not serve in that version (a built-in group, or a CustomResourceDefinition of the workspace), usually a typo in kind or apiVersion.',
    rationale:
      'The API server answers `no matches for kind "Deploymnt" in version "apps/v1"` and applies nothing. The message names the closest real kind of that apiVersion, or the apiVersions that do serve the kind (a Deployment is `apps/v1`, not `v1`). For a custom resource whose CustomResourceDefinition is in the workspace, a version the CRD does not list, or lists with `served: false`, is the same error; the message names the served versions.',
    example: 'apiVersion: v1\nkind: Deployment',
  },
  check(ctx) {
    const { res, bundle } = ctx;
    if (!ctx.builtinGroups.has(res.group) || bundle.kinds[`${res.apiVersion}:${res.kind}`] || lifecycleOf(res.apiVersion, res.kind)) return;
    const keys = Object.keys(bundle.kinds);
    const otherVersions = keys.filter((k) => k.endsWith(':' + res.kind)).map((k) => k.slice(0, -res.kind.length - 1));
    if (otherVersions.length) {
      const to = otherVersions.find((v) => !/alpha|beta/.test(v)) ?? otherVersions[0];
      ctx.report({
        path: ['apiVersion'],
        message: `${res.kind} is not served in "${res.apiVersion}" (the API server answers: no matches for kind "${res.kind}" in version "${res.apiVersion}"). Use apiVersion: ${to}.`,
        fixes: [{ title: `Change to ${to}`, edits: [{ uri: res.uri, span: ctx.spanOf(['apiVersion']), newText: to }] }],
      });
      return;
    }
    const sameVersion = keys.filter((k) => k.startsWith(res.apiVersion + ':')).map((k) => k.slice(res.apiVersion.length + 1));
    const guess = closest(res.kind, sameVersion);
    ctx.report({
      path: ['kind'],
      message: `The API server has no kind "${res.kind}" in version "${res.apiVersion}" (no matches for kind).${guess ? ` Did you mean ${guess}?` : ''}`,
      fixes: guess ? [{ title: `Change to ${guess}`, edits: [{ uri: res.uri, span: ctx.spanOf(['kind']), newText: guess }] }] : [],
    });
  },
};
