import type { Diagnostic } from '../../server/src/engine/diagnostic';

/**
 * Inline expectations of a fixture file. A comment line of carets under a line
 * marks the columns where a diagnostic's span starts on that line, then gives
 * its severity and rule id:
 *
 *       image: nginx:latest
 *   #          ^^^^^^^^^^^^ warning some-rule-id
 *
 * The carets cover the span's first line (to the end of that line when the span
 * goes on). When a span starts at column 0, write `#^^^`: a `#` directly followed
 * by a caret counts as a caret itself. Several annotation lines may follow one line.
 */
export interface Expectation {
  /** 0-based line of the span's start. */
  line: number;
  startColumn: number;
  endColumn: number;
  severity: string;
  ruleId: string;
}

const ANNOTATION = /^#( *)(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+)\s*$/;
const ANNOTATION_AT_ZERO = /^#(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+)\s*$/;

export const isAnnotation = (line: string): boolean => ANNOTATION.test(line) || ANNOTATION_AT_ZERO.test(line);

export function parseAnnotations(text: string): Expectation[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const atZero = line.startsWith('#^') ? ANNOTATION_AT_ZERO.exec(line) : null;
    const m = atZero ? null : ANNOTATION.exec(line);
    if (!atZero && !m) {
      target = i;
      return;
    }
    if (target < 0) throw new Error(`line ${i + 1}: an annotation needs a line above it`);
    if (atZero) out.push({ line: target, startColumn: 0, endColumn: 1 + atZero[1].length, severity: atZero[2], ruleId: atZero[3] });
    else if (m) out.push({ line: target, startColumn: 1 + m[1].length, endColumn: 1 + m[1].length + m[2].length, severity: m[3], ruleId: m[4] });
  });
  return out;
}

/** Reads `# kubesim-test: key=value` header lines. */
export function parseHeader(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^# kubesim-test:\s*(\S+)=(\S+)\s*$/gm)) out[m[1]] = m[2];
  return out;
}

/** A diagnostic as an expectation: its start line and the columns it covers on that line. */
export function toExpectation(text: string, d: Diagnostic): Expectation {
  const lineStart = text.lastIndexOf('\n', d.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', d.span.start);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const startColumn = d.span.start - lineStart;
  const endColumn = Math.max(startColumn + 1, Math.min(d.span.end, lineEnd) - lineStart);
  return { line, startColumn, endColumn, severity: d.severity, ruleId: d.ruleId };
}

export const formatExpectation = (e: Expectation): string => `line ${e.line + 1} col ${e.startColumn}-${e.endColumn} ${e.severity} ${e.ruleId}`;
