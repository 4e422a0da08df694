import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'schema-type',
    defaultSeverity: 'error',
    description: "A value of the wrong type, such as a quoted number or a list where an object belongs.",
    rationale: "The API server cannot decode the object (`cannot unmarshal string into Go struct field ... of type int32`) and rejects it. Numbers in quotes are strings: write `replicas: 3`, not `replicas: \"3\"`; and quote strings that look like numbers or booleans, such as environment variable values.",
  },
};
