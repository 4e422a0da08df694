import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'yaml11-boolean',
    defaultSeverity: 'error',
    description: "An unquoted yes/no/on/off/y/n where a string is expected.",
    rationale: "kubectl reads manifests as YAML 1.1, where unquoted `y`, `n`, `yes`, `no`, `on` and `off` are booleans. A container named `n` or a label value `on` is therefore a boolean, and the API server rejects the object (`cannot unmarshal bool into Go struct field ... of type string`). Editors that read YAML 1.2 show it as a string, which hides the problem. Quote the value.",
  },
};
