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

export function parseChunk(text: string): ParsedChunk {
  const doc = parseDocument(text, {
    version: '1.1',
    customTags: withoutTimestamps,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const problems: ParseProblem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, t] = e.pos;
    problems.push({ code: e.code, message: e.message.replace(/ at line \d+, column \d+.*$/s, ''), span: { start: s, end: Math.max(t, s) } });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      problems.push({ code: 'ALIAS_LIMIT', message: `This document expands too many aliases (${(e as Error).message}); it is not checked.`, span: { start: 0, end: Math.min(text.length, 1) } });
    }
  } else {
    // Still give rules and completion a value for the parts that did parse.
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      value = undefined;
    }
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
