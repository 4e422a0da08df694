import { EVENT_ID, getScalarValue, SCALAR_STYLE, type parseEvents } from 'js-yaml';
import type { Span } from '../diagnostic';
import type { PathSegment } from './ast';

type Events = ReturnType<typeof parseEvents>;
type Event = Events[number];
type ScalarEvent = Extract<Event, { type: typeof EVENT_ID.SCALAR }>;

/**
 * The span of the scalar at `path` (or of its key), exactly as the `yaml`
 * AST's range gives it, read from the fast reader's events: most findings
 * point at a plain or quoted scalar, and this answers them without building
 * the document's AST. Undefined when the path does not end at such a scalar
 * (a collection, a block scalar, an empty value, a key the AST would read
 * differently): the AST answers those.
 *
 * `keyString` turns a plain key's text into the key the decoded value has
 * (`80` stays "80", `yes` becomes "true"), as the fast reader does.
 */
export function scalarSpanAt(source: string, events: Events, path: readonly PathSegment[], part: 'key' | 'value', keyString: (text: string) => string): Span | undefined {
  let at = 1; // events[0] is the document
  let key: ScalarEvent | undefined;
  for (const seg of path) {
    const node = events[at];
    if (!node) return undefined;
    key = undefined;
    if (node.type === EVENT_ID.MAPPING && typeof seg === 'string') {
      let i = at + 1;
      let found = -1;
      while (events[i] && events[i].type !== EVENT_ID.POP) {
        const k = events[i];
        const valueAt = skip(events, i);
        if (k.type === EVENT_ID.SCALAR && keyOf(source, k, keyString) === seg) {
          key = k;
          found = valueAt;
          break;
        }
        if (k.type !== EVENT_ID.SCALAR) return undefined; // a collection key: leave it to the AST
        i = skip(events, valueAt);
      }
      if (found < 0) return undefined;
      at = found;
    } else if (node.type === EVENT_ID.SEQUENCE && typeof seg === 'number') {
      let i = at + 1;
      for (let n = 0; n < seg && events[i] && events[i].type !== EVENT_ID.POP; n++) i = skip(events, i);
      if (!events[i] || events[i].type === EVENT_ID.POP) return undefined;
      at = i;
    } else return undefined;
  }
  if (part === 'key' && key) return scalarSpan(key);
  const node = events[at];
  return node && node.type === EVENT_ID.SCALAR ? scalarSpan(node) : undefined;
}

function keyOf(source: string, k: ScalarEvent, keyString: (text: string) => string): string {
  const text = getScalarValue(source, k);
  return k.style === SCALAR_STYLE.PLAIN ? keyString(text) : text;
}

/** The AST's range of a plain or quoted scalar: quotes included. Block scalars and empty values have other ranges. */
function scalarSpan(e: ScalarEvent): Span | undefined {
  if (e.valueStart < 0 || e.valueEnd < e.valueStart) return undefined;
  if (e.style === SCALAR_STYLE.PLAIN) return e.valueEnd > e.valueStart ? { start: e.valueStart, end: e.valueEnd } : undefined;
  if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) return { start: e.valueStart - 1, end: e.valueEnd + 1 };
  return undefined;
}

/** The index of the event after the node that starts at `i`. */
function skip(events: Events, i: number): number {
  const e = events[i];
  if (!e || (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE)) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j].type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}
