import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'internal-error',
    defaultSeverity: 'error',
    description: "A Kubesim rule failed on this document.",
    rationale: "This is a bug in Kubesim, not in your manifest. The other rules still ran. The language server log (or the CLI's stderr) holds the stack trace; please report it with the document that triggered it.",
  },
};
