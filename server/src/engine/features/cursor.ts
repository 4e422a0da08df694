import type { Span } from '../diagnostic';
import type { PathSegment } from '../yaml/ast';
import type { ParsedFile, YamlDocument } from '../yaml/parse';
import { PathTracker, readLines, samePath, shapeOf, splitLines, unquote, type KeyToken, type LineInfo } from './yamlLines';

/** The document that holds `offset`: the last one starting at or before it. */
export function documentAt(file: ParsedFile, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const d of file.documents) if (d.start <= offset) found = d;
  return found;
}

/** apiVersion and kind as written at the top of a document, even when it does not parse. */
export interface DocIdentity {
  apiVersion?: string;
  kind?: string;
}

export function identityOf(lines: readonly LineInfo[]): DocIdentity {
  const id: DocIdentity = {};
  lines.forEach((l) => {
    if (l.continuation || l.shape.tokens.length !== 1) return;
    const t = l.shape.tokens[0];
    if (t.kind !== 'key' || t.col !== 0) return;
    const value = unquote(t.value.trim());
    if (t.key === 'apiVersion') {
      id.apiVersion = value || undefined;
    } else if (t.key === 'kind') {
      id.kind = value || undefined;
    }
  });
  return id;
}

export interface CompletionCursor {
  doc: YamlDocument;
  lines: LineInfo[];
  identity: DocIdentity;
  /**
   * `key`: a key may be typed here (path = the mapping it goes into);
   * `value`: after `key:` (path = that key's field).
   */
  position: 'key' | 'value';
  path: PathSegment[];
  /** Column where the key (or value) being typed starts. */
  column: number;
  /** What is typed so far, and the file span it covers (to be replaced). */
  typed: string;
  replace: Span;
  /** True when the rest of the line already holds `: ...` after the key being typed. */
  keyHasColon: boolean;
  /** True when the cursor line starts with `- ` items before the cursor (a fresh list item). */
  afterDash: boolean;
  /** Keys already written in the mapping the cursor is in (key position only). */
  siblings: Set<string>;
  /** The document holds nothing but comments, `---` and what is being typed. */
  emptyDocument: boolean;
}

const WORD = /[^\s:#]*$/;

export function completionCursor(file: ParsedFile, offset: number): CompletionCursor | undefined {
  const doc = documentAt(file, offset);
  if (!doc) return undefined;
  const rel = offset - doc.start;
  const raw = splitLines(doc.text);
  let lineNo = raw.length - 1;
  while (lineNo > 0 && raw[lineNo].start > rel) lineNo--;
  const line = raw[lineNo];
  const column = rel - line.start;
  if (column > line.text.length) return undefined;
  const before = line.text.slice(0, column);
  if (/^(---|\.\.\.)/.test(before) || /(^|\s)#/.test(before)) return undefined;

  const lines = readLines(doc.text, { line: lineNo, column });
  const tracker = new PathTracker();
  for (let i = 0; i < lineNo; i++) if (!lines[i].continuation && !lines[i].shape.blank) tracker.apply(lines[i].shape);
  const shape = shapeOf(before);
  if (tracker.continues(shape) && !shape.blank) return undefined;
  const identity = identityOf(lines.filter((_, i) => i !== lineNo));
  const emptyDocument = lines.every((l, i) => i === lineNo || l.shape.blank);

  const last = shape.tokens[shape.tokens.length - 1] as KeyToken | undefined;
  const base = { doc, lines, identity, emptyDocument };
  if (last?.kind === 'key') {
    // After `key:` — a value is being typed.
    for (const t of shape.tokens) t.kind === 'item' ? tracker.item(t.col) : tracker.key(t);
    const typed = before.slice(last.valueCol);
    if (/^[[{"'|>&*!]/.test(typed)) return undefined;
    return {
      ...base,
      position: 'value',
      path: tracker.path(),
      column: last.valueCol,
      typed,
      replace: { start: doc.start + line.start + last.valueCol, end: doc.start + line.start + valueEnd(line.text, last.valueCol) },
      keyHasColon: false,
      afterDash: false,
      siblings: new Set(),
      emptyDocument,
    };
  }
  for (const t of shape.tokens) if (t.kind === 'item') tracker.item(t.col);
  const typed = WORD.exec(before)?.[0] ?? '';
  const keyCol = column - typed.length;
  if (before.slice(0, keyCol).trim().replace(/-/g, '').trim() !== '') return undefined; // mid-line, not a key spot
  tracker.closeTo(keyCol);
  const path = tracker.path();
  const after = line.text.slice(column);
  const wordAfter = /^[^\s:#]*/.exec(after)?.[0] ?? '';
  // Inside the indentation of a line that already holds something: nothing to insert there.
  if (wordAfter === '' && typed === '' && /^[ \t]+\S/.test(after)) return undefined;
  const siblings = new Set<string>();
  lines.forEach((l, i) => {
    if (i === lineNo || l.continuation) return;
    const t = l.shape.tokens[l.shape.tokens.length - 1];
    if (t?.kind === 'key' && t.col === keyCol && samePath(l.path.slice(0, -1), path)) siblings.add(t.key);
  });
  return {
    ...base,
    position: 'key',
    path,
    column: keyCol,
    typed,
    replace: { start: doc.start + line.start + keyCol, end: doc.start + line.start + column + wordAfter.length },
    keyHasColon: /^[^\s:#]*[ \t]*:/.test(after),
    afterDash: shape.tokens.length > 0,
    siblings,
    emptyDocument,
  };
}

/** End of a plain scalar value on a line (before a comment and trailing spaces). */
function valueEnd(text: string, from: number): number {
  const hash = text.indexOf(' #', from);
  const end = hash < 0 ? text.length : hash;
  return Math.max(from, from + text.slice(from, end).trimEnd().length);
}
