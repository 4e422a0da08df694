import type { CompletionCursor } from '../cursor';

/** Escapes text for an LSP snippet, where `$`, `}` and `\` are special. */
export const escapeSnippet = (s: string): string => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** Escapes one option of a snippet choice (`${1|a,b|}`). */
export const choiceText = (v: string): string => v.replace(/[\\|,$}]/g, (c) => `\\${c}`);

/** A value as YAML 1.1 (kubectl) would read it back as the same string: quoted when it would turn into a bool, null or number. */
export function yamlScalar(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  if (v === '' || /^(y|n|yes|no|on|off|true|false|null|~)$/i.test(v) || /^[-+.]?\d/.test(v) || /[:#{}[\],&*!|>'"%@`]/.test(v) || v !== v.trim()) return JSON.stringify(v);
  return v;
}

/** A space to put after `key:` when the cursor sits right after the colon. */
export function valueLead(cursor: CompletionCursor): string {
  return cursor.replace.start > 0 && /:$/.test(cursor.doc.text.slice(0, cursor.replace.start - cursor.doc.start)) ? ' ' : '';
}
