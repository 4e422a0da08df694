import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'schema-enum',
    defaultSeverity: 'error',
    description: "A value outside the set the field allows.",
    rationale: "Fields such as `imagePullPolicy`, `restartPolicy`, Service `type` and `protocol` accept a fixed set of values, spelled exactly (they are case-sensitive). The message lists them.",
  },
};
