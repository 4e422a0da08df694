import { constructFromEvents, defineMappingTag, defineScalarTag, EVENT_ID, NOT_RESOLVED, parseEvents, Schema as FastSchema, seqTag, strTag } from 'js-yaml';
import { isScalar, type ScalarTag } from 'yaml';
import { readBlockYaml, type PlainResolver } from './blockReader';
import { remembered } from '../util/memo';

/**
 * The fast way to a document's value. The `yaml` package builds a full AST
 * with positions, at about 2.5 MB/s; js-yaml builds the value alone about
 * three times faster, and the block reader (blockReader.ts), for the plain
 * block YAML most manifests are, several times faster again. Most documents
 * never need positions: only those with a diagnostic, or under the cursor,
 * do, and those get the AST lazily.
 *
 * The value must be exactly what the `yaml` path (parse.ts) would give, so
 * js-yaml only reads what both agree on, and this declines the rest, which
 * then takes the `yaml` path:
 * - plain scalars are resolved by the very tags of the `yaml` path's YAML 1.1
 *   schema (same tests, same order, same resolve functions);
 * - keys become strings as `yaml`'s toJS makes them (numbers and booleans by
 *   String()); an empty or collection key declines;
 * - anchors, aliases, tags, directives, merge keys, duplicate keys, tabs in
 *   indentation, lone CRs and `...` or indented `---` lines decline: there the
 *   two parsers may differ, or `yaml` reports a problem.
 * test/yaml/fast-value.test.ts proves agreement on every corpus document and
 * on thousands of seeded mutations of them.
 */
export const DECLINED = Symbol('declined');

/** Lines where js-yaml and `yaml` disagree on document markers, tabs or line breaks. */
export const DIFFERENT_GROUND = /<<|\r(?!\n)|^ *\t|^(?:[ \t]+---|[ \t]*\.\.\.)(?=[ \t\r\n]|$)/m;

class Declined extends Error {}

export interface FastRead {
  value: unknown;
  /** Offset of the root mapping's first character, as the AST's range would say; -1 when the root is not a mapping. */
  rootStart: number;
  /** Which reader read it: the block reader can also give scalar spans (scalarSpansOf), js-yaml its events. */
  reader: 'block' | 'events';
  /** False when the reader knows the value holds no null (the block reader does); undefined when it does not know. */
  hasNull?: boolean;
}

/** A piece of text every match of DIFFERENT_GROUND contains. */
const MAY_DIFFER = /<<|[\r\t]|\.\.\.| ---/;

/**
 * DIFFERENT_GROUND.test(text), with that regex run only when the text holds
 * a piece every one of its matches contains. Few manifests do, and the
 * one-pass search for the pieces costs a fraction of the multiline regex,
 * which tries its alternatives at every line start.
 */
export function onDifferentGround(text: string): boolean {
  return MAY_DIFFER.test(text) && DIFFERENT_GROUND.test(text);
}

export function fastValue(text: string, yamlTags: readonly ScalarTag[]): FastRead | typeof DECLINED {
  if (onDifferentGround(text)) return DECLINED;
  // Most manifests are plain block YAML, which the line reader builds several times faster than js-yaml.
  const block = readBlockYaml(text, resolverFor(yamlTags));
  if (block) return { ...block, reader: 'block' };
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(text, {});
  } catch {
    return DECLINED; // a syntax error (or nesting beyond 100): the `yaml` path words it
  }
  let documents = 0;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      documents++;
      if (e.directives.length > 0) return DECLINED;
    } else if (e.type === EVENT_ID.ALIAS) return DECLINED;
    else if (e.type !== EVENT_ID.POP && (e.anchorStart !== -1 || e.tagStart !== -1)) return DECLINED;
  }
  if (documents !== 1) return DECLINED;
  const root = events[1];
  const rootStart = root && root.type === EVENT_ID.MAPPING ? root.start : -1;
  try {
    return { value: constructFromEvents(events, { source: text, schema: schemaFor(yamlTags) })[0], rootStart, reader: 'events' };
  } catch {
    return DECLINED;
  }
}

const schemas = new WeakMap<readonly ScalarTag[], FastSchema>();
const resolvers = new WeakMap<readonly ScalarTag[], PlainResolver>();

export function resolverFor(yamlTags: readonly ScalarTag[]): PlainResolver {
  let resolver = resolvers.get(yamlTags);
  if (!resolver) resolvers.set(yamlTags, (resolver = plainResolver(yamlTags)));
  return resolver;
}

function schemaFor(yamlTags: readonly ScalarTag[]): FastSchema {
  let schema = schemas.get(yamlTags);
  if (!schema) schemas.set(yamlTags, (schema = buildSchema(yamlTags)));
  return schema;
}

/** The tags `yaml` tries on a plain scalar, in its order (compose-scalar's findScalarTagByTest). */
const implicitTags = (yamlTags: readonly ScalarTag[]): ScalarTag[] => yamlTags.filter((t) => t.default === true && t.test);

/** A plain scalar's value by the first implicit tag that matches it, or NOT_RESOLVED (a string); throws Declined where `yaml` reports an error. */
function resolveImplicit(implicit: readonly ScalarTag[], source: string): unknown {
  for (const tag of implicit) {
    if (!tag.test!.test(source)) continue;
    let failed = false;
    const v = tag.resolve(source, () => (failed = true), {} as never);
    if (failed) throw new Declined();
    return isScalar(v) ? v.value : v;
  }
  return NOT_RESOLVED;
}

/** The block reader's resolver: the same tags, skipped (a string) for a first character none of them accepts. */
function plainResolver(yamlTags: readonly ScalarTag[]): PlainResolver {
  const implicit = implicitTags(yamlTags);
  const firstChars = implicitFirstChars(implicit);
  const first = firstChars && new Set(firstChars);
  // Manifests repeat the same few scalars ("TCP", "1", "true"); their values are primitives, safe to share.
  const resolve = remembered((source) => {
    const resolved = resolveImplicit(implicit, source);
    return resolved === NOT_RESOLVED ? source : resolved;
  });
  return (source) => (first && !first.has(source.length ? source[0] : '') ? source : resolve(source));
}

function buildSchema(yamlTags: readonly ScalarTag[]): FastSchema {
  const implicit = implicitTags(yamlTags);
  const plain = defineScalarTag<unknown>('tag:kubesim:yaml11-plain', {
    implicit: true,
    implicitFirstChars: implicitFirstChars(implicit),
    resolve: (source) => resolveImplicit(implicit, source),
    identify: () => false,
  });
  const map = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
    create: () => ({}),
    addPair(carrier, key, value) {
      const k = typeof key === 'string' ? key : typeof key === 'number' || typeof key === 'boolean' ? String(key) : undefined;
      if (k === undefined || k === '__proto__') return 'declined key';
      if (Object.hasOwn(carrier, k)) return 'duplicate key';
      carrier[k] = value;
      return '';
    },
    has: (carrier, key) => Object.hasOwn(carrier, String(key)),
    keys: (result) => Object.keys(result),
    get: (result, key) => result[String(key)],
    identify: () => false,
  });
  return new FastSchema([strTag, seqTag, map, plain]);
}

/**
 * The first characters a plain scalar of a non-string tag can start with, so
 * js-yaml skips the resolver for the rest (most values: names, images). Found
 * by probing each tag's test, not written down, so a change of `yaml` cannot
 * make them drift.
 */
function implicitFirstChars(tags: readonly ScalarTag[]): string[] | null {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    // A tag that matches anything starting with ch, up to a few following characters, must keep ch.
    if (tags.some((t) => PROBE_TAILS.some((tail) => t.test!.test(ch + tail)))) chars.add(ch);
  }
  if (tags.some((t) => t.test!.test(''))) chars.add('');
  // A non-ASCII first character that some tag accepts would be missed by the probe: then try every scalar.
  if (tags.some((t) => PROBE_TAILS.some((tail) => t.test!.test('\u00e9' + tail) || t.test!.test('\u00a0' + tail)))) return null;
  return [...chars];
}

const PROBE_TAILS = ['', '0', '1', '7', 'x1', 'b1', 'o7', '.', '.5', 'e1', 'E+1', '_1', 'inf', 'Inf', 'INF', 'nan', 'NaN', 'NAN', 'ull', 'ULL', 'es', 'ES', 'o', 'O', 'n', 'N', 'ff', 'FF', 'rue', 'RUE', 'alse', 'ALSE', '.inf', '.nan', ':1', ':30'];

/** The key a plain key's text becomes in the decoded value, as the fast reader's mappings make it. */
export function plainKeyString(text: string, yamlTags: readonly ScalarTag[]): string {
  for (const tag of yamlTags) {
    if (tag.default !== true || !tag.test?.test(text)) continue;
    let failed = false;
    const v = tag.resolve(text, () => (failed = true), {} as never);
    const value = isScalar(v) ? v.value : v;
    return failed ? text : value === null ? '' : String(value);
  }
  return text;
}
