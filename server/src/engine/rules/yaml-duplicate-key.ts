import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'yaml-duplicate-key',
    defaultSeverity: 'error',
    description: "A key appears twice in the same mapping.",
    rationale: "kubectl refuses a manifest whose mapping repeats a key (\"mapping key already defined\"). Even tools that accept it keep only the last value, so one of the two is silently lost. Keep one of them.",
  },
};
