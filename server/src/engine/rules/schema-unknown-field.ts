import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'schema-unknown-field',
    defaultSeverity: 'error',
    description: "A field that the object's type does not have.",
    rationale: "The API server rejects unknown fields under `kubectl apply --validate=strict` (the default since Kubernetes 1.27 is to warn, and a typo is almost always a mistake: the value you meant to set is silently ignored). The message names the closest real field.",
  },
};
