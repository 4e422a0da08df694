import { Document, isMap, isScalar, parseDocument, type Tags } from 'yaml';
import type { Span } from '../diagnostic';

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
  readonly doc: Document.Parsed;
  /** The JSON value kubectl would send, or undefined when it cannot be built. */
  readonly value: unknown;
  readonly problems: readonly ParseProblem[];
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
  let lineStart = 0;
  let onlyPreamble = true; // directives and comments so far belong to the next document
  while (lineStart < text.length) {
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
  return starts;
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

export function parseChunk(text: string): ParsedChunk {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      version: '1.1',
      customTags: withoutTimestamps,
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
      // Warnings (e.g. "keys with collection values will be stringified") must not reach the console.
      logLevel: 'error',
    });
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

/** A bounded cache of parsed documents keyed by their text. */
export class ChunkCache {
  private readonly map = new Map<string, ParsedChunk>();
  constructor(private readonly capacity = 20000) {}

  get(text: string): ParsedChunk {
    let hit = this.map.get(text);
    if (hit) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    hit = parseChunk(text);
    this.map.set(text, hit);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
    return hit;
  }
}

export function parseYamlFile(uri: string, text: string, cache?: ChunkCache): ParsedFile {
  const starts = documentStarts(text);
  const documents: YamlDocument[] = starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    const chunk = text.slice(start, end);
    return { index, start, end, text: chunk, parsed: cache ? cache.get(chunk) : parseChunk(chunk) };
  });
  return { uri, text, documents };
}

/** True when the document's root is a mapping with string apiVersion and kind. */
export function looksLikeManifest(value: unknown): value is { apiVersion: string; kind: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>).apiVersion === 'string' && typeof (value as Record<string, unknown>).kind === 'string';
}

export { isMap, isScalar };
