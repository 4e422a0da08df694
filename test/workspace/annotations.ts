import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

/**
 * Inline expectations in fixture files: a comment line whose carets sit under
 * the expected span of the nearest line above that is not itself an annotation.
 *       app: apl
 *   #        ^^^ warning service-selector-no-match
 */
const ANNOTATION = /^\s*#\s*(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+)\s*$/;

export interface Expectation {
  file: string;
  /** 1-based line of the annotated text. */
  line: number;
  /** 0-based start and end (exclusive) character on that line. */
  start: number;
  end: number;
  severity: string;
  ruleId: string;
}

export const describeExpectation = (e: Expectation): string => `${e.file}:${e.line}:${e.start}-${e.end} ${e.severity} ${e.ruleId}`;

export function parseAnnotations(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r?\n/);
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    if (target < 0) throw new Error(`${file}:${i + 1}: annotation with no line above it`);
    const start = line.indexOf('^');
    out.push({ file, line: target + 1, start, end: start + m[1].length, severity: m[2], ruleId: m[3] });
  });
  return out;
}

/** A diagnostic as an expectation, when its span lies on one line. */
export function asExpectation(file: string, text: string, d: Diagnostic): Expectation {
  const idx = new LineIndex(text);
  const s = idx.positionAt(d.span.start);
  const e = idx.positionAt(d.span.end);
  const end = e.line === s.line ? e.character : Number.POSITIVE_INFINITY;
  return { file, line: s.line + 1, start: s.character, end, severity: d.severity, ruleId: d.ruleId };
}
