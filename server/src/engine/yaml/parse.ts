import { Document, isMap, isScalar, parseDocument, type ScalarTag, type Tags } from 'yaml';
import type { Span } from '../diagnostic';
import { parseEvents } from 'js-yaml';
import type { PathSegment } from './ast';
import { scalarSpanOf, scalarSpansOf, spanKey, type ScalarSpans } from './blockReader';
import { DECLINED, fastValue, plainKeyString, resolverFor } from './fastValue';
import { scalarSpanAt } from './scalarSpans';

/**
 * A file is cut into `---` documents by a line scan (a `---` line at column 0
 * always starts a new YAML document), and each document is parsed on its own.
 * Parse results are cached by document text, so an edit re-parses only the
 * document it touched.
 *
 * Documents are read the way kubectl reads them: YAML 1.1 (go-yaml v2), where
 * `yes`, `no`, `on`, `off`, `y` and `n` are booleans and `0644` is octal, but
 * timestamps stay strings when decoded into untyped values.
 */
export interface ParseProblem {
  code: string;
  message: string;
  /** Relative to the document's start. */
  span: Span;
}

export interface ParsedChunk {
  /** The `yaml` AST with positions; built on first use when the value came from the fast reader. */
  readonly doc: Document.Parsed;
  /** The JSON value kubectl would send, or undefined when it cannot be built. */
  readonly value: unknown;
  readonly problems: readonly ParseProblem[];
  /** Where the root mapping starts, when known without the AST (fast reader). */
  readonly rootStart?: number;
  /** The span of a plain or quoted scalar (or its key) without the AST, when the fast reader read the document; else undefined. */
  scalarSpan?(path: readonly PathSegment[], part: 'key' | 'value'): Span | undefined;
  /** True when the reader knows that no null is anywhere in the value (the validator then needs no null-dropping pass). */
  readonly nullFree?: boolean;
}

export interface YamlDocument {
  readonly index: number;
  /** Offset of the document's first character in the file. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly parsed: ParsedChunk;
}

export interface ParsedFile {
  readonly uri: string;
  readonly text: string;
  readonly documents: readonly YamlDocument[];
}

/** How many aliases one document may expand; beyond it the document is rejected (alias bombs). */
export const MAX_ALIAS_COUNT = 1000;

const withoutTimestamps = (tags: Tags): Tags =>
  tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });

const DOC_START = /^---(?=[ \t\r\n]|$)/;

/** Offsets where each document starts: 0, and each `---` line. */
export function documentStarts(text: string): number[] {
  const starts = [0];
  scanStarts(text, 0, text.length, starts);
  return starts;
}

/**
 * Pushes the document starts among the lines beginning in [from, to). `from`
 * is 0 or a document start: past the first `---`, no line is preamble any more.
 * Returns whether everything scanned was preamble.
 */
function scanStarts(text: string, from: number, to: number, starts: number[]): boolean {
  let lineStart = from;
  let onlyPreamble = from === 0; // directives and comments so far belong to the next document
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.charCodeAt(lineStart) === 45 /* - */ && DOC_START.test(text.slice(lineStart, Math.min(lineEnd + 1, lineStart + 5)))) {
      if (lineStart > 0 && !onlyPreamble) starts.push(lineStart);
      onlyPreamble = false;
    } else if (onlyPreamble) {
      const line = text.slice(lineStart, lineEnd).replace(/^\uFEFF/, '').trim();
      if (line !== '' && !line.startsWith('#') && !line.startsWith('%')) onlyPreamble = false;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return onlyPreamble;
}

/**
 * Characters go-yaml's reader refuses with "control characters are not allowed"
 * (yaml_parser_update_buffer in readerc.go accepts only tab, LF, CR, printable
 * ASCII, NEL and the printable Unicode ranges), so kubectl rejects the file.
 */
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

const OVERFLOW = /call stack/i;

function controlCharProblem(text: string): ParseProblem | undefined {
  const m = CONTROL_CHAR.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { code: 'CONTROL_CHAR', message: `The control character U+${code} is not allowed in YAML; kubectl refuses the file ("control characters are not allowed"). Remove it or write it as an escape in a double-quoted string.`, span: { start: m.index, end: m.index + 1 } };
}

const tooDeep = (text: string): ParseProblem => ({
  code: 'TOO_DEEP',
  message: 'This document nests too deeply to be checked; it is not checked.',
  span: { start: 0, end: Math.min(text.length, 1) },
});

const PARSE_OPTIONS = {
  version: '1.1',
  customTags: withoutTimestamps,
  prettyErrors: false,
  uniqueKeys: true,
  keepSourceTokens: false,
  // Warnings (e.g. "keys with collection values will be stringified") must not reach the console.
  logLevel: 'error',
} as const;

let yamlTags: readonly ScalarTag[] | undefined;
/** The scalar tags of the schema PARSE_OPTIONS give, which the fast reader resolves plain scalars with. */
export const scalarTags = (): readonly ScalarTag[] => (yamlTags ??= parseDocument('', PARSE_OPTIONS).schema.tags.filter((t): t is ScalarTag => !(t as { collection?: string }).collection));

/**
 * A document whose value came from the fast reader: it parsed cleanly, and
 * its AST is built only when asked for. The AST is held weakly: whoever needs
 * its nodes holds them (a Resource keeps its node), and a burst of span
 * lookups over many documents (the locations of a simulation) does not keep
 * every AST alive afterwards.
 */
class LazyChunk implements ParsedChunk {
  private ast?: WeakRef<Document.Parsed>;
  constructor(
    private readonly text: string,
    readonly value: unknown,
    readonly rootStart: number | undefined,
    readonly problems: readonly ParseProblem[],
    private readonly byBlockReader: boolean,
    readonly nullFree = false,
  ) {}
  get doc(): Document.Parsed {
    let doc = this.ast?.deref();
    if (!doc) this.ast = new WeakRef((doc = parseDocument(this.text, PARSE_OPTIONS)));
    return doc;
  }
  get astBuilt(): boolean {
    return this.ast !== undefined;
  }
  private events?: WeakRef<ReturnType<typeof parseEvents>>;
  private blockSpans?: WeakRef<Map<string, ScalarSpans>>;
  private spansAsked = false;
  /**
   * The one span read without the map, kept: a simulation in the editor asks
   * every document for its name again each time, long after the map of any
   * one document has been collected.
   */
  private firstSpan?: { key: string; at: ScalarSpans | undefined };
  scalarSpan(path: readonly PathSegment[], part: 'key' | 'value'): Span | undefined {
    if (this.byBlockReader) {
      // The block reader read it, so it can say where its scalars are, without js-yaml's events.
      let spans = this.blockSpans?.deref();
      let at: ScalarSpans | undefined;
      const key = spanKey(path);
      if (spans) at = spans.get(key);
      else if (this.firstSpan?.key === key) at = this.firstSpan.at;
      else if (!this.spansAsked) {
        // Most documents are asked one span (their one finding): read up to it, without mapping every scalar.
        this.spansAsked = true;
        at = scalarSpanOf(this.text, resolverFor(scalarTags()), path);
        this.firstSpan = { key, at };
      } else {
        this.blockSpans = new WeakRef((spans = scalarSpansOf(this.text, resolverFor(scalarTags())) ?? new Map<string, ScalarSpans>()));
        at = spans.get(key);
      }
      return part === 'key' ? (at?.key ?? at?.value) : at?.value;
    }
    let events = this.events?.deref();
    if (!events) this.events = new WeakRef((events = parseEvents(this.text, {})));
    return scalarSpanAt(this.text, events, path, part, (t) => plainKeyString(t, scalarTags()));
  }
}

/** Whether the chunk's AST exists yet (tests: a valid document must not need one to be checked). */
export const astBuilt = (chunk: ParsedChunk): boolean => !(chunk instanceof LazyChunk) || chunk.astBuilt;

export function parseChunk(text: string): ParsedChunk {
  const fast = fastValue(text, scalarTags());
  if (fast !== DECLINED) {
    // The block reader reads only printable text, so a document it read has no control character to look for.
    const control = fast.reader === 'block' ? undefined : controlCharProblem(text);
    return new LazyChunk(text, fast.value, fast.rootStart >= 0 ? fast.rootStart : undefined, control ? [control] : [], fast.reader === 'block', fast.hasNull === false);
  }
  return parseChunkWithAst(text);
}

/** The `yaml` path: positions, every problem worded, aliases expanded within limits. */
export function parseChunkWithAst(text: string): ParsedChunk {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch {
    // The parser recurses per nesting level; a pathological document can overflow the stack.
    return { doc: parseDocument('', { version: '1.1' }), value: undefined, problems: [tooDeep(text)] };
  }
  const problems: ParseProblem[] = [];
  if (doc.errors.some((e) => OVERFLOW.test(e.message))) return { doc: parseDocument('', { version: '1.1' }), value: undefined, problems: [tooDeep(text)] };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, t] = e.pos;
    problems.push({ code: e.code, message: e.message.replace(/ at line \d+, column \d+.*$/s, ''), span: { start: s, end: Math.max(t, s) } });
  }
  const control = controlCharProblem(text);
  if (control) problems.push(control);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Keep the parsed parts for completion, but never build a value past the alias limit.
    const message = (e as Error)?.message ?? String(e);
    if (OVERFLOW.test(message)) problems.push(tooDeep(text));
    else if (doc.errors.length === 0) problems.push({ code: 'ALIAS_LIMIT', message: `This document expands too many aliases (${message}); it is not checked.`, span: { start: 0, end: Math.min(text.length, 1) } });
    value = undefined;
  }
  return { doc, value, problems };
}

/**
 * Parsed documents by text. An entry lives as long as something holds its
 * parsed document (a file's current version, a cached result) plus the last
 * `recent` parses, so superseded versions of edited documents are freed
 * instead of filling the cache.
 */
export class ChunkCache {
  private readonly map = new Map<string, WeakRef<ParsedChunk>>();
  private readonly freed = new FinalizationRegistry<string>((key) => {
    // The key may have been parsed again since; only drop an entry whose document is gone.
    if (this.map.get(key)?.deref() === undefined) this.map.delete(key);
  });
  private readonly ring: ParsedChunk[] = [];
  private next = 0;
  /**
   * `copyTexts` false keeps each document's text as the slice of its file it
   * is: right for a run that holds its files to the end anyway (the CLI),
   * where copying them all only costs time and garbage.
   */
  constructor(
    private readonly recent = 256,
    private readonly copyTexts = true,
  ) {}

  get(text: string): ParsedChunk {
    const hit = this.map.get(text)?.deref();
    if (hit) return hit;
    // A slice of the file would keep the whole file text alive as long as the entry (and every node's source).
    const own = this.copyTexts ? copyOf(text) : text;
    const chunk = parseChunk(own);
    this.map.set(own, new WeakRef(chunk));
    this.freed.register(chunk, own);
    this.ring[this.next] = chunk;
    this.next = (this.next + 1) % this.recent;
    return chunk;
  }

  /** Entries whose parsed document is still alive (tests). */
  liveSize(): number {
    let n = 0;
    for (const ref of this.map.values()) if (ref.deref()) n++;
    return n;
  }
}

/** A string with its own storage: concatenation then slicing makes V8 flatten into a fresh buffer. */
const copyOf = (text: string): string => (' ' + text).slice(1);

/**
 * Cuts and parses a file. With the file's previous version, only the
 * documents around the edited range are cut and looked up again; the others
 * keep their parsed form.
 */
export function parseYamlFile(uri: string, text: string, cache?: ChunkCache, previous?: ParsedFile): ParsedFile {
  const { starts, kept } = previous && previous.documents.length > 0 ? resplit(previous, text) : { starts: documentStarts(text), kept: new Map<number, ParsedChunk>() };
  const documents: YamlDocument[] = starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    const chunk = text.slice(start, end);
    return { index, start, end, text: chunk, parsed: kept.get(start) ?? (cache ? cache.get(chunk) : parseChunk(chunk)) };
  });
  return { uri, text, documents };
}

/**
 * Document starts of `text` from those of the previous version: starts in the
 * unchanged prefix and suffix are kept (the line scan is deterministic), only
 * the lines between them are scanned. Documents wholly in the unchanged parts
 * keep their parsed chunk, by new start offset.
 */
function resplit(previous: ParsedFile, text: string): { starts: number[]; kept: Map<number, ParsedChunk> } {
  const old = previous.text;
  const docs = previous.documents;
  const delta = text.length - old.length;
  const limit = Math.min(old.length, text.length);
  let prefix = limit;
  for (const d of docs) {
    if (d.end <= limit && text.slice(d.start, d.end) === d.text) continue;
    prefix = Math.min(limit, d.start + commonPrefix(old, text, d.start, Math.min(d.end, limit)));
    break;
  }
  let suffix = limit - prefix;
  for (let i = docs.length - 1; i >= 0; i--) {
    const d = docs[i];
    if (old.length - d.start <= suffix && text.slice(d.start + delta, d.end + delta) === d.text) continue;
    suffix = Math.min(suffix, old.length - d.end + commonSuffix(old, text, d.end, Math.max(d.start, old.length - suffix), delta));
    break;
  }
  const oldStarts = docs.map((d) => d.start);
  // The last start whose `---` test (5 characters) lies in the prefix, and the first whose preceding newline lies in the suffix.
  let a = 0;
  for (const s of oldStarts) if (s + 5 <= prefix) a = s;
  let firstKept = oldStarts.findIndex((s) => s >= old.length - suffix + 1 && s + delta > a);
  if (firstKept < 0) firstKept = oldStarts.length;
  const b = firstKept < oldStarts.length ? oldStarts[firstKept] + delta : text.length;
  // From a start (a > 0) the scan is past the preamble; from 0 it may still be in it at b, where the old scan was not.
  const starts = a > 0 ? oldStarts.filter((s) => s < a) : [0];
  if (scanStarts(text, a, b, starts) && a === 0 && firstKept < oldStarts.length) return { starts: documentStarts(text), kept: new Map() };
  for (let i = firstKept; i < oldStarts.length; i++) starts.push(oldStarts[i] + delta);
  const kept = new Map<number, ParsedChunk>();
  for (const d of docs) {
    if (d.end <= a) kept.set(d.start, d.parsed);
    else if (d.index >= firstKept) kept.set(d.start + delta, d.parsed);
  }
  return { starts, kept };
}

/** Length of the common prefix of a[from..] and b[from..], looking at most up to `to`. */
function commonPrefix(a: string, b: string, from: number, to: number): number {
  let i = from;
  while (i < to && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i - from;
}

/** How many characters before `end` in a (end + delta in b) are equal, looking back at most to `floor`. */
function commonSuffix(a: string, b: string, end: number, floor: number, delta: number): number {
  let i = end;
  while (i > floor && i + delta > 0 && a.charCodeAt(i - 1) === b.charCodeAt(i - 1 + delta)) i--;
  return end - i;
}

/** True when the document's root is a mapping with string apiVersion and kind. */
export function looksLikeManifest(value: unknown): value is { apiVersion: string; kind: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>).apiVersion === 'string' && typeof (value as Record<string, unknown>).kind === 'string';
}

export { isMap, isScalar };
