import type { BuiltinRule } from './types';

export const rule: BuiltinRule = {
  kind: 'builtin',
  meta: {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description: "The file is not valid YAML.",
    rationale: "kubectl cannot read a document with a YAML syntax error, so nothing in it is applied. The message says what the parser expected at that point; the most common causes are a tab used for indentation, a missing space after a colon, and a list item indented differently from its siblings.",
  },
};
