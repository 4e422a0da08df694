import type { PathSegment } from '../yaml/ast';

/**
 * A line-by-line reading of block YAML that keeps working while the document
 * is half typed (and so does not parse): the path of a line comes from the
 * indentation of the keys and `- ` items above it, as a YAML parser would
 * nest them.
 */
export interface ItemToken {
  kind: 'item';
  /** Column of the `-`. */
  col: number;
}

export interface KeyToken {
  kind: 'key';
  col: number;
  /** Column just past the key text (before the colon). */
  end: number;
  key: string;
  /** Column where the value text starts (after the colon and spaces). */
  valueCol: number;
  /** The value written on the same line, without a trailing comment; '' when none. */
  value: string;
}

export type LineToken = ItemToken | KeyToken;

export interface LineShape {
  /** Leading spaces. */
  indent: number;
  blank: boolean;
  tokens: LineToken[];
  /** Column of trailing text that is neither a key nor a `-` (a scalar, or a key being typed). */
  restCol: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}|>&*!%@`,-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

export function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** Strips a ` #comment` that is not inside quotes. */
function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

export function shapeOf(line: string): LineShape {
  const tokens: LineToken[] = [];
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const indent = i;
  const trimmed = line.slice(i).trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(line)) return { indent, blank: true, tokens, restCol: line.length };
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    tokens.push({ kind: 'item', col: i });
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const rest = line.slice(i);
  const m = KEY.exec(rest);
  if (m) {
    const rawKey = m[1].trimEnd();
    let v = i + m[0].length;
    while (line[v] === ' ' || line[v] === '\t') v++;
    tokens.push({ kind: 'key', col: i, end: i + rawKey.length, key: unquote(rawKey), valueCol: v, value: stripComment(line.slice(v)) });
    return { indent, blank: false, tokens, restCol: line.length };
  }
  return { indent, blank: false, tokens, restCol: i };
}

interface Entry {
  col: number;
  seg: PathSegment;
  /** A key whose value is written on its line: deeper lines continue that scalar. */
  inlineValue?: boolean;
  blockScalar?: boolean;
}

/** The stack of keys and items that encloses the current line. */
export class PathTracker {
  private readonly stack: Entry[] = [];

  /** Lines inside a block scalar (`|`, `>`) or continuing a multi-line plain scalar belong to their key. */
  continues(shape: LineShape): boolean {
    const top = this.stack[this.stack.length - 1];
    if (!top) return false;
    if (top.blockScalar) return shape.blank || shape.indent > top.col;
    return !!top.inlineValue && !shape.blank && shape.indent > top.col;
  }

  item(col: number): void {
    let index = 0;
    while (this.stack.length) {
      const top = this.stack[this.stack.length - 1];
      if (top.col > col || (top.col === col && typeof top.seg === 'number')) {
        this.stack.pop();
        if (top.col === col && typeof top.seg === 'number') {
          index = top.seg + 1;
          break;
        }
      } else break;
    }
    this.stack.push({ col, seg: index });
  }

  /** Closes everything at or right of `col`: what a key at `col` is a sibling of. */
  closeTo(col: number): void {
    while (this.stack.length && this.stack[this.stack.length - 1].col >= col) this.stack.pop();
  }

  key(t: KeyToken): void {
    this.closeTo(t.col);
    const blockScalar = /^[|>][-+0-9]*$/.test(t.value);
    this.stack.push({ col: t.col, seg: t.key, inlineValue: t.value !== '' && !blockScalar && !/^[&!]\S*$/.test(t.value), blockScalar });
  }

  apply(shape: LineShape): void {
    for (const t of shape.tokens) {
      if (t.kind === 'item') this.item(t.col);
      else this.key(t);
    }
  }

  path(): PathSegment[] {
    return this.stack.map((e) => e.seg);
  }
}

export interface LineInfo {
  /** Offset of the line's first character, relative to the text scanned. */
  start: number;
  text: string;
  shape: LineShape;
  /** Path of the line's parent before its own tokens apply. */
  parentPath: PathSegment[];
  /** Path after the line's tokens; only meaningful when the line is not a continuation. */
  path: PathSegment[];
  continuation: boolean;
}

/** Splits text into lines with their start offsets (a trailing \r is dropped from the text). */
export function splitLines(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * Reads every line of one YAML document. `stopAt`, when given, is the index of
 * a line that is read only up to `stopColumn` (the cursor): a half-typed key
 * there must not hide the lines around it.
 */
export function readLines(text: string, cursor?: { line: number; column: number }): LineInfo[] {
  const tracker = new PathTracker();
  return splitLines(text).map((l, idx) => {
    const lineText = cursor && idx === cursor.line ? l.text.slice(0, cursor.column) : l.text;
    const shape = shapeOf(lineText);
    const continuation = tracker.continues(shape);
    const parentPath = tracker.path();
    if (!continuation && !shape.blank) tracker.apply(shape);
    return { start: l.start, text: l.text, shape, parentPath, path: continuation ? parentPath : tracker.path(), continuation };
  });
}

export const samePath = (a: readonly PathSegment[], b: readonly PathSegment[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
