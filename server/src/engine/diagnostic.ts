/**
 * The one diagnostic type of the engine. Positions are UTF-16 offsets into the
 * text of `uri`; the doors convert them (LSP in lsp/convert.ts, the CLI in its
 * formatters) and nothing else does.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Span {
  start: number;
  end: number;
}

export interface Related {
  uri: string;
  span: Span;
  message: string;
}

export interface TextEdit {
  uri: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  related?: Related[];
  fixes?: Fix[];
  /** Where inside its object (a path in the resource's value) the finding is, when its rule said so; the simulator words rejections with it. */
  path?: readonly (string | number)[];
  /** The API server's words for the error, when its rule gave them (Finding.apiError). */
  apiError?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
