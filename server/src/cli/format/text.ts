import type { LocatedDiagnostic } from './locate';

/** Compiler-style lines: `file:line:col: error code: message`, related locations indented below. */
export function formatText(diags: LocatedDiagnostic[]): string {
  const lines: string[] = [];
  for (const d of diags) {
    lines.push(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
    for (const r of d.related ?? []) lines.push(`    ${r.file}:${r.line}:${r.column}: note: ${r.message}`);
  }
  const count = (s: string): number => diags.filter((d) => d.severity === s).length;
  lines.push(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} info`);
  return lines.join('\n') + '\n';
}
