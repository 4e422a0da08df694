import type { LocatedDiagnostic } from './locate';

/** The documented JSON contract: {"diagnostics":[{file,line,column,endLine,endColumn,severity,code,message,related?}]}. */
export function formatJson(diags: LocatedDiagnostic[]): string {
  return JSON.stringify({ diagnostics: diags }, null, 2) + '\n';
}
