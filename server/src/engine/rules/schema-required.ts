import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'schema-required',
    defaultSeverity: 'error',
    description: "A field the API server requires is missing.",
    rationale: "The API server rejects the object with `Required value`. Add the field; hover over the parent key to see what it holds.",
  },
};
