import { containersOf, podSpecsOf } from '../k8s/podSpecs';
import { podSpecFinding, podsValidatedLater } from '../k8s/statefulSet';
import { containerNameErrors, suggestDnsName } from '../k8s/validation/names';
import { fieldPath } from '../util/jsonPath';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'invalid-container-name',
    defaultSeverity: 'error',
    description: 'A container name that is not a DNS label (lowercase letters, digits and -, at most 63 characters).',
    rationale:
      'Container names appear in the pod\'s status, in `kubectl logs -c NAME` and in DNS-safe places, so the API server accepts only lowercase RFC 1123 labels (validateContainers: `a lowercase RFC 1123 label must consist of ...`). Write the name in lowercase, with `-` instead of `_` or spaces. The API server checks a StatefulSet\'s pod template only when the StatefulSet creates its pods, so there it is a warning.',
    example: 'containers:\n- name: Web_App',
  },
  check(ctx) {
    const later = podsValidatedLater(ctx.res.kind);
    for (const pod of podSpecsOf(ctx.res)) {
      for (const { container, path } of containersOf(pod)) {
        const name = container.name;
        if (typeof name !== 'string' || name === '') continue; // missing: schema-required
        const errors = containerNameErrors(name);
        if (errors.length === 0) continue;
        const at = path.concat('name');
        const error = `${fieldPath(at)}: Invalid value: ${JSON.stringify(name)}: ${errors.join(', ')}`;
        const better = suggestDnsName(name, { dots: false, max: 63 });
        ctx.report({
          path: at,
          ...podSpecFinding(later, error, better ? `Try "${better}".` : ''),
          fixes: better ? [{ title: `Change to ${better}`, edits: [{ uri: ctx.res.uri, span: ctx.spanOf(at), newText: better }] }] : [],
        });
      }
    }
  },
};
