/**
 * A reader for the block YAML that nearly every manifest is written in:
 * indented mappings and sequences, one-line plain and quoted scalars, literal
 * and folded block scalars, and one-line flow collections of scalars. It
 * reads such a document several times faster than a general parser because
 * it works line by line and builds the value directly, with no events or
 * tokens in between.
 *
 * It must give exactly the value the `yaml` path gives, so it declines
 * anything outside that subset or anything it is not sure of (multi-line plain
 * or quoted scalars, anchors, tags, complex keys, odd indentation, tabs, any
 * YAML error), and the caller falls back to a general reader. Plain scalars
 * and plain keys are resolved by the caller's resolver, which uses the `yaml`
 * path's own YAML 1.1 tags. test/yaml/block-reader.test.ts compares it with
 * the `yaml` path on the corpus, on mutations of it and on the edge cases.
 */

/** Thrown to give up on a document; the caller takes the general reader. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/**
 * Characters this reader leaves to the general ones: tabs, lone CRs, the YAML
 * 1.1 line breaks NEL, LS and PS, a BOM, and whatever YAML calls non-printable
 * (control characters, lone surrogates). js-yaml refuses the last, so such a
 * document keeps the path it took before this reader: the `yaml` one, which
 * words its problem.
 */
const UNSUPPORTED_CHARS = /[^\n\r\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]|\r(?!\n)/u;

/** Resolves a plain scalar (or plain key) as the `yaml` path would; throws to decline. */
export type PlainResolver = (source: string) => unknown;

export interface BlockRead {
  value: unknown;
  /** Offset of the root mapping's first character; -1 when the root is a sequence. */
  rootStart: number;
  /** Whether a null is anywhere in the value (an empty value, `null`, `~`): most documents have none, and then need no null-dropping copy to be validated. */
  hasNull: boolean;
}

const MAX_DEPTH = 100;

export interface ScalarSpans {
  key?: { start: number; end: number };
  value?: { start: number; end: number };
}

/**
 * The key of a path in scalarSpansOf's map: the segments joined by U+0001,
 * an index marked by U+0002. The reader declines any text with control
 * characters, so no key it reads holds either; a fraction of JSON.stringify's cost.
 */
export function spanKey(path: readonly (string | number)[]): string {
  let k = '';
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    k += typeof seg === 'number' ? '\u0001\u0002' + seg : '\u0001' + seg;
  }
  return k;
}

/** Where the reader, run again with positions, tells the spans it meets. */
interface SpanSink {
  record(path: readonly (string | number)[], part: 'key' | 'value', start: number, end: number): void;
  /** The node at `path` (a mapping value or a sequence item) has been read. */
  done(path: readonly (string | number)[]): void;
}

/**
 * The spans of the plain and quoted scalars of a document this reader reads,
 * by path (spanKey of the path): a key's span, and its value's when the value is
 * a one-line plain or quoted scalar. Block scalars, flow collections and
 * empty values have none (the AST answers those). Undefined when the reader
 * declines the document.
 */
export function scalarSpansOf(text: string, resolvePlain: PlainResolver): Map<string, ScalarSpans> | undefined {
  const spans = new Map<string, ScalarSpans>();
  const sink: SpanSink = {
    record(path, part, start, end) {
      const k = spanKey(path);
      const entry = spans.get(k) ?? {};
      entry[part] = { start, end };
      spans.set(k, entry);
    },
    done() {},
  };
  return read(text, resolvePlain, sink) && spans;
}

/** Thrown once the scalar sought has been read: the rest of the document is not read. */
const FOUND = Symbol('found');

/**
 * The spans of one path, as scalarSpansOf would give them for it, reading
 * the document only as far as that path: for a document asked one span (most
 * with a finding), without a map of every other scalar.
 */
export function scalarSpanOf(text: string, resolvePlain: PlainResolver, target: readonly (string | number)[]): ScalarSpans | undefined {
  const found: ScalarSpans = {};
  let reached = false;
  const at = (path: readonly (string | number)[]): boolean => path.length === target.length && path.every((seg, i) => seg === target[i]);
  const sink: SpanSink = {
    record(path, part, start, end) {
      if (at(path)) found[part] = { start, end };
    },
    done(path) {
      if (!at(path)) return;
      reached = true;
      throw FOUND; // read() ends the reading here, as it would for a decline
    },
  };
  return (read(text, resolvePlain, sink) || reached) ? found : undefined; // undefined only when the reader declines the document
}

/** The document's value, or undefined when the document is outside the subset. */
export function readBlockYaml(text: string, resolvePlain: PlainResolver): BlockRead | undefined {
  return read(text, resolvePlain);
}

function read(text: string, resolvePlain: PlainResolver, spans?: SpanSink): BlockRead | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text, resolvePlain, spans).document();
  } catch {
    // Declined here or by the resolver (its own error type); the general reader takes the document.
    return undefined;
  }
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;

class Reader {
  private line = 0;
  private readonly count: number;
  /** Per line: start offset, end offset (before \r\n or \n), indent (-1 for blank and comment lines), content start. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private readonly contents: number[] = [];

  /** When set, told the span of every plain or quoted key and value, by path (scalarSpansOf, scalarSpanOf). */
  private readonly spans?: SpanSink;
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly t: string,
    readonly resolvePlain: PlainResolver,
    spans?: SpanSink,
  ) {
    this.spans = spans;
    const len = t.length;
    let s = 0;
    while (s <= len) {
      const nl = t.indexOf('\n', s);
      let e = nl < 0 ? len : nl;
      if (e > s && t.charCodeAt(e - 1) === 13) e--;
      let j = s;
      while (j < e && t.charCodeAt(j) === SPACE) j++;
      this.starts.push(s);
      this.ends.push(e);
      this.indents.push(j === e || t.charCodeAt(j) === HASH ? -1 : j - s);
      this.contents.push(j);
      if (nl < 0) break;
      s = nl + 1;
    }
    this.count = this.starts.length;
  }

  document(): BlockRead {
    this.skipBlank();
    if (this.line < this.count && this.indents[this.line] === 0) {
      const c = this.contents[this.line];
      if (this.t.charCodeAt(c) === 37 /* % */) decline(); // a directive
      if (this.t.startsWith('---', c) && this.endsToken(c + 3)) {
        if (!this.onlyComment(c + 3, this.ends[this.line])) decline(); // content on the `---` line
        this.line++;
        this.skipBlank();
      }
    }
    if (this.line >= this.count) decline(); // an empty document: rare, and the general reader words it
    const indent = this.indents[this.line];
    const isSeq = this.isSeqItem(this.line);
    const rootStart = isSeq ? -1 : this.contents[this.line];
    const value = isSeq ? this.sequence(indent, 0) : this.mapping(indent, 0);
    this.skipBlank();
    if (this.line < this.count) decline(); // something the root did not take: a YAML error
    return { value, rootStart, hasNull: this.hasNull };
  }

  private skipBlank(): void {
    while (this.line < this.count && this.indents[this.line] < 0) this.line++;
  }

  /** Whether the character at i ends a token: a space or the end of the line. */
  private endsToken(i: number): boolean {
    return i >= this.ends[this.line] || this.t.charCodeAt(i) === SPACE;
  }

  /** Whether [from, to) holds only spaces and, after at least one space, a comment. */
  private onlyComment(from: number, to: number): boolean {
    let i = from;
    while (i < to && this.t.charCodeAt(i) === SPACE) i++;
    return i === to || (i > from && this.t.charCodeAt(i) === HASH);
  }

  private isSeqItem(line: number): boolean {
    const c = this.contents[line];
    return this.t.charCodeAt(c) === DASH && (c + 1 >= this.ends[line] || this.t.charCodeAt(c + 1) === SPACE);
  }

  /** A block node that starts on the current line, whose content is at column `indent`. */
  private node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) decline();
    if (this.isSeqItem(this.line)) return this.sequence(indent, depth + 1);
    return this.mapping(indent, depth + 1);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipBlank();
      if (this.line >= this.count) return out;
      const ind = this.indents[this.line];
      if (ind < indent) return out;
      if (ind > indent) decline();
      const key = this.key();
      if (key === '__proto__' || Object.hasOwn(out, key)) decline();
      if (this.spans) {
        this.path.push(key);
        this.record('key', this.keyStart, this.keyEnd);
        out[key] = this.valueAfter(this.valueAt, indent, true, depth);
        this.spans.done(this.path);
        this.path.pop();
      } else out[key] = this.valueAfter(this.valueAt, indent, true, depth);
    }
  }

  private sequence(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      this.skipBlank();
      if (this.line >= this.count) return out;
      const ind = this.indents[this.line];
      if (ind < indent) return out;
      if (ind > indent || !this.isSeqItem(this.line)) {
        if (ind === indent) return out; // a key after an indentless sequence: the parent mapping takes it
        decline();
      }
      if (this.spans) this.path.push(out.length);
      let at = this.contents[this.line] + 1;
      const end = this.ends[this.line];
      while (at < end && this.t.charCodeAt(at) === SPACE) at++;
      if (at < end && this.t.charCodeAt(at) !== HASH && (this.isSeqItemAt(at) || this.keyLineAt(at))) {
        // A compact nested node (`- name: x`, `- - a`): it continues at the column where it starts.
        const column = at - this.starts[this.line];
        this.indents[this.line] = column;
        this.contents[this.line] = at;
        out.push(this.node(column, depth));
      } else out.push(this.valueAfter(at, indent, false, depth));
      if (this.spans) {
        this.spans.done(this.path);
        this.path.pop();
      }
    }
  }

  private record(part: 'key' | 'value', start: number, end: number): void {
    this.spans!.record(this.path, part, start, end);
  }

  private isSeqItemAt(at: number): boolean {
    return this.t.charCodeAt(at) === DASH && (at + 1 >= this.ends[this.line] || this.t.charCodeAt(at + 1) === SPACE);
  }

  /** Whether the text from `at` on the current line is `key:` followed by a space or the line's end. */
  private keyLineAt(at: number): boolean {
    const c = this.t.charCodeAt(at);
    const end = this.ends[this.line];
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleQuotedEnd(at) : this.singleQuotedEnd(at);
      let i = close;
      while (i < end && this.t.charCodeAt(i) === SPACE) i++;
      return i < end && this.t.charCodeAt(i) === COLON && (i + 1 >= end || this.t.charCodeAt(i + 1) === SPACE);
    }
    for (let i = at; i < end; i++) {
      const x = this.t.charCodeAt(i);
      if (x === COLON && (i + 1 >= end || this.t.charCodeAt(i + 1) === SPACE)) return true;
      if (x === HASH && this.t.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /** Set when a value read is null. */
  hasNull = false;

  /** Where the value of the key last read starts, and the key's own span (fields, not a returned record: one allocation less per key). */
  private valueAt = 0;
  private keyStart = 0;
  private keyEnd = 0;

  /** The key on the current line (at its content start); its value starts at valueAt. */
  private key(): string {
    const t = this.t;
    const at = this.contents[this.line];
    const end = this.ends[this.line];
    const c = t.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleQuotedEnd(at) : this.singleQuotedEnd(at);
      const key = c === DQUOTE ? this.doubleQuoted(at, close) : this.singleQuoted(at, close);
      let i = close;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (!(i < end && t.charCodeAt(i) === COLON && (i + 1 >= end || t.charCodeAt(i + 1) === SPACE))) decline();
      this.valueAt = i + 1;
      this.keyStart = at;
      this.keyEnd = close;
      return key;
    }
    if (startsBadly(t, at, end)) decline();
    for (let i = at; i < end; i++) {
      const x = t.charCodeAt(i);
      if (x === COLON && (i + 1 >= end || t.charCodeAt(i + 1) === SPACE)) {
        let e = i;
        while (e > at && t.charCodeAt(e - 1) === SPACE) e--;
        this.valueAt = i + 1;
        this.keyStart = at;
        this.keyEnd = e;
        return this.plainKey(t.slice(at, e));
      }
      if (x === HASH && t.charCodeAt(i - 1) === SPACE) break;
    }
    return decline(); // a line in a mapping that is not `key: value`
  }

  private plainKey(source: string): string {
    const v = this.resolvePlain(source);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return decline(); // a null key, or anything odder
  }

  /**
   * The value whose text starts at `at` on the current line, after `key:` or
   * `-`. `indent` is the column of that key or dash: a nested block must be
   * deeper, except a sequence under a key (`indentless`), which may sit at it.
   */
  private valueAfter(at: number, indent: number, indentless: boolean, depth: number): unknown {
    const t = this.t;
    const end = this.ends[this.line];
    while (at < end && t.charCodeAt(at) === SPACE) at++;
    if (at >= end || t.charCodeAt(at) === HASH) {
      this.line++;
      this.skipBlank();
      if (this.line < this.count) {
        const ind = this.indents[this.line];
        if (ind > indent) return this.node(ind, depth);
        if (ind === indent && indentless && this.isSeqItem(this.line)) return this.sequence(ind, depth + 1);
      }
      this.hasNull = true; // an empty value
      return null;
    }
    const c = t.charCodeAt(at);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(at, indent);
    let value: unknown;
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleQuotedEnd(at) : this.singleQuotedEnd(at);
      value = c === DQUOTE ? this.doubleQuoted(at, close) : this.singleQuoted(at, close);
      if (!this.onlyComment(close, end)) decline();
      if (this.spans) this.record('value', at, close);
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = new FlowReader(this, t, at, end);
      value = c === 91 ? flow.sequence() : flow.mapping();
      if (!this.onlyComment(flow.pos, end)) decline();
    } else {
      value = this.plainValue(at, end);
      if (this.spans) this.record('value', at, this.plainEnd);
    }
    this.line++;
    this.skipBlank();
    // A deeper line after a one-line scalar continues it (a multi-line scalar) or is an error: not this reader's.
    if (this.line < this.count && this.indents[this.line] > indent) decline();
    return value;
  }

  /** Where the plain value last read ends (before trailing spaces and a comment). */
  private plainEnd = 0;

  private plainValue(at: number, end: number): unknown {
    const t = this.t;
    if (startsBadly(t, at, end)) decline();
    let e = end;
    for (let i = at + 1; i < end; i++) {
      const x = t.charCodeAt(i);
      if (x === HASH && t.charCodeAt(i - 1) === SPACE) {
        e = i;
        break;
      }
      if (x === COLON && (i + 1 >= end || t.charCodeAt(i + 1) === SPACE)) decline(); // `a: b: c`
    }
    while (e > at && t.charCodeAt(e - 1) === SPACE) e--;
    this.plainEnd = e;
    const v = this.resolvePlain(t.slice(at, e));
    if (v === null) this.hasNull = true;
    return v;
  }

  /** Where the double-quoted scalar starting at `at` ends (after its closing quote), on this line. */
  doubleQuotedEnd(at: number): number {
    const t = this.t;
    const end = this.ends[this.line];
    for (let i = at + 1; i < end; i++) {
      const x = t.charCodeAt(i);
      if (x === 92 /* \ */) i++;
      else if (x === DQUOTE) return i + 1;
    }
    return decline(); // it goes on to the next line
  }

  singleQuotedEnd(at: number): number {
    const t = this.t;
    const end = this.ends[this.line];
    for (let i = at + 1; i < end; i++) {
      if (t.charCodeAt(i) !== SQUOTE) continue;
      if (i + 1 < end && t.charCodeAt(i + 1) === SQUOTE) i++;
      else return i + 1;
    }
    return decline();
  }

  singleQuoted(at: number, close: number): string {
    const body = this.t.slice(at + 1, close - 1);
    return body.includes("''") ? body.replace(/''/g, "'") : body;
  }

  doubleQuoted(at: number, close: number): string {
    const body = this.t.slice(at + 1, close - 1);
    return body.includes('\\') ? unescapeDouble(body) : body;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar with clip or strip chomping.
   * Indentation indicators, keep chomping, an empty body and whitespace-only
   * lines deeper than the body are left to the general reader.
   */
  private blockScalar(at: number, indent: number): string {
    const t = this.t;
    const end = this.ends[this.line];
    const folded = t.charCodeAt(at) === 62;
    let i = at + 1;
    let strip = false;
    if (i < end && t.charCodeAt(i) === DASH) {
      strip = true;
      i++;
    }
    if (!this.onlyComment(i, end)) decline();
    const lines: string[] = [];
    let bodyIndent = -1;
    let line = this.line + 1;
    for (; line < this.count; line++) {
      const s = this.starts[line];
      const e = this.ends[line];
      let j = s;
      while (j < e && t.charCodeAt(j) === SPACE) j++;
      if (j === e) {
        // A blank line: empty in the value; deeper than the body it would hold spaces.
        if (bodyIndent >= 0 ? e - s > bodyIndent : false) decline();
        lines.push('');
        continue;
      }
      const ind = j - s;
      if (bodyIndent < 0) {
        if (ind <= indent) break;
        bodyIndent = ind;
        for (let k = 0; k < lines.length; k++) if (this.ends[this.line + 1 + k] - this.starts[this.line + 1 + k] > bodyIndent) decline();
      } else if (ind < bodyIndent) break;
      if (folded && ind > bodyIndent) decline(); // more-indented lines fold differently
      lines.push(t.slice(s + bodyIndent, e));
    }
    if (bodyIndent < 0) decline();
    this.line = line;
    let last = lines.length - 1;
    while (last >= 0 && lines[last] === '') last--;
    let body: string;
    if (!folded) body = lines.slice(0, last + 1).join('\n');
    else {
      body = '';
      let started = false;
      let empty = 0;
      for (let k = 0; k <= last; k++) {
        const l = lines[k];
        if (l === '') {
          empty++;
          continue;
        }
        body += started ? (empty ? '\n'.repeat(empty) : ' ') : '\n'.repeat(empty);
        body += l;
        started = true;
        empty = 0;
      }
    }
    const value = strip ? body : body + '\n';
    this.skipBlank();
    if (this.line < this.count && this.indents[this.line] > indent) decline();
    return value;
  }
}

/** A first character that makes a plain scalar something else, or an error: indicators, and `-`, `?`, `:` before a space. */
function startsBadly(t: string, at: number, end: number): boolean {
  const c = t.charCodeAt(at);
  switch (c) {
    case DASH:
    case 63 /* ? */:
    case COLON:
      return at + 1 >= end || t.charCodeAt(at + 1) === SPACE;
    case 44 /* , */:
    case 91 /* [ */:
    case 93 /* ] */:
    case 123 /* { */:
    case 125 /* } */:
    case HASH:
    case 38 /* & */:
    case 42 /* * */:
    case 33 /* ! */:
    case 124 /* | */:
    case 62 /* > */:
    case SQUOTE:
    case DQUOTE:
    case 37 /* % */:
    case 64 /* @ */:
    case 96 /* ` */:
      return true;
    default:
      return false;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function unescapeDouble(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const n = HEX_LENGTH[e];
    if (n === undefined) decline();
    const hex = body.slice(i + 1, i + 1 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) decline();
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) decline();
    out += String.fromCodePoint(code);
    i += n;
  }
  return out;
}

const FLOW_STOP = new Set([44, 91, 93, 123, 125, SPACE]);

/** A one-line flow sequence or mapping of scalars (`[80, 443]`, `["sh", "-c"]`, `{}`); anything nested declines. */
class FlowReader {
  constructor(
    private readonly r: Reader,
    private readonly t: string,
    public pos: number,
    private readonly end: number,
  ) {}

  sequence(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.spaces();
    if (this.peek() === 93 /* ] */) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.scalar());
      this.spaces();
      const c = this.peek();
      this.pos++;
      if (c === 93) return out;
      if (c !== 44 /* , */) decline();
      this.spaces();
      if (this.peek() === 93) decline(); // a trailing comma
    }
  }

  mapping(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.spaces();
    if (this.peek() === 125 /* } */) {
      this.pos++;
      return out;
    }
    for (;;) {
      const k = this.scalar(true);
      const key = typeof k === 'string' ? k : typeof k === 'number' || typeof k === 'boolean' ? String(k) : decline();
      if (key === '__proto__' || Object.hasOwn(out, key)) decline();
      this.spaces();
      if (this.peek() !== COLON) decline();
      this.pos++;
      if (this.peek() !== SPACE) decline();
      this.spaces();
      out[key] = this.scalar();
      this.spaces();
      const c = this.peek();
      this.pos++;
      if (c === 125) return out;
      if (c !== 44) decline();
      this.spaces();
      if (this.peek() === 125) decline();
    }
  }

  private peek(): number {
    return this.pos < this.end ? this.t.charCodeAt(this.pos) : -1;
  }

  private spaces(): void {
    while (this.pos < this.end && this.t.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** A quoted or plain scalar; a key's plain scalar ends at its colon. */
  private scalar(key = false): unknown {
    const t = this.t;
    const c = this.peek();
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.r.doubleQuotedEnd(this.pos) : this.r.singleQuotedEnd(this.pos);
      const v = c === DQUOTE ? this.r.doubleQuoted(this.pos, close) : this.r.singleQuoted(this.pos, close);
      this.pos = close;
      return v;
    }
    if (c < 0 || startsBadly(t, this.pos, this.end)) decline();
    // `-`, `?` and `:` start a flow plain scalar only before a character that could go on with it.
    const next = this.pos + 1 < this.end ? t.charCodeAt(this.pos + 1) : -1;
    if ((c === DASH || c === 63 || c === COLON) && (next < 0 || FLOW_STOP.has(next))) decline();
    const at = this.pos;
    let i = at;
    for (; i < this.end; i++) {
      const x = t.charCodeAt(i);
      if (x === 44 || x === 93 || x === 125 || x === 91 || x === 123) break;
      if (x === COLON) {
        if (key) break;
        decline(); // an implicit pair, or a colon the two parsers may read differently
      }
      if (x === HASH && t.charCodeAt(i - 1) === SPACE) decline();
    }
    let e = i;
    while (e > at && t.charCodeAt(e - 1) === SPACE) e--;
    if (e === at) decline();
    this.pos = i;
    const v = this.r.resolvePlain(t.slice(at, e));
    if (v === null) this.r.hasNull = true;
    return v;
  }
}
