import type { Diagnostic } from './diagnostic';
import type { ParsedFile } from './yaml/parse';

/**
 * Inline suppression by rule id (never by message text):
 *   # kubesim-disable-next-line RULE-ID[, RULE-ID]   the next line only
 *   # kubesim-disable RULE-ID[, RULE-ID]             from here to `# kubesim-enable RULE-ID` or the end of the file
 * Without ids, a comment applies to every rule.
 */
const DIRECTIVE = /#\s*kubesim-(disable-next-line|disable|enable)\b([^\n\r]*)/g;

interface Region {
  ids: Set<string> | 'all';
  start: number;
  end: number;
}

export function applySuppressions(text: string, diags: Diagnostic[]): Diagnostic[] {
  if (diags.length === 0) return diags;
  const regions = regionsOf(text);
  if (regions.length === 0) return diags;
  return diags.filter((d) => !regions.some((r) => d.span.start >= r.start && d.span.start <= r.end && (r.ids === 'all' || r.ids.has(d.ruleId))));
}

/**
 * Suppressions in a parsed file. Whether a document holds a directive is
 * known per parsed document (a directive is a comment on one line, and a line
 * belongs to one document), so an edit to a large file without directives
 * scans only the edited document.
 */
export function applyFileSuppressions(file: ParsedFile, diags: Diagnostic[]): Diagnostic[] {
  if (diags.length === 0 || !file.documents.some(holdsDirective)) return diags;
  return applySuppressions(file.text, diags);
}

const directives = new WeakMap<object, boolean>();
function holdsDirective(doc: ParsedFile['documents'][number]): boolean {
  let known = directives.get(doc.parsed);
  if (known === undefined) directives.set(doc.parsed, (known = doc.text.includes('kubesim-')));
  return known;
}

// The last text's regions: a file is checked, then its workspace findings filtered, with the same text.
let last: { text: string; regions: Region[] } | undefined;

function regionsOf(text: string): Region[] {
  if (last?.text === text) return last.regions;
  const regions = text.includes('kubesim-') ? scan(text) : [];
  last = { text, regions };
  return regions;
}

function scan(text: string): Region[] {
  const regions: Region[] = [];
  const open = new Map<string, number>();
  for (const m of text.matchAll(DIRECTIVE)) {
    const idsText = m[2].replace(/--.*$/, '').trim();
    const ids = idsText ? idsText.split(/[\s,]+/).filter(Boolean) : ['*'];
    const at = m.index ?? 0;
    const lineEnd = indexOfLineEnd(text, at);
    if (m[1] === 'disable-next-line') {
      const nextEnd = indexOfLineEnd(text, lineEnd + 1);
      regions.push({ ids: ids.includes('*') ? 'all' : new Set(ids), start: lineEnd + 1, end: nextEnd });
    } else if (m[1] === 'disable') {
      for (const id of ids) if (!open.has(id)) open.set(id, lineEnd);
    } else {
      for (const id of ids.includes('*') ? [...open.keys()] : ids) {
        const start = open.get(id);
        if (start === undefined) continue;
        regions.push({ ids: id === '*' ? 'all' : new Set([id]), start, end: at });
        open.delete(id);
      }
    }
  }
  for (const [id, start] of open) regions.push({ ids: id === '*' ? 'all' : new Set([id]), start, end: text.length });
  return regions;
}

function indexOfLineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}
