import { SAFE_ALPHABET } from './random';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits (hash/fnv New32a), over the UTF-8 bytes of `text`. */
export function fnv32a(text: string): number {
  return fnvText(FNV_OFFSET, text) >>> 0;
}

/**
 * rand.SafeEncodeString: each character c of s becomes SAFE_ALPHABET[c % 27].
 * Applied to the decimal digits of a hash, it gives pod-template-hash values
 * such as "59b758f5c" (only the characters 4-9, b, c, d, f appear).
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** A stable rendering of a JSON value with sorted keys, standing in for hashutil.DeepHashObject. */
export function canonicalJson(value: unknown): string {
  // The native serialiser of a key-sorted view is several times faster than concatenating by hand;
  // values it could render differently (integer-like keys, which objects enumerate first, or anything not plain JSON) take the slow path.
  const sorted = sortedView(value);
  return sorted === NOT_PLAIN ? slowCanonicalJson(value) : (JSON.stringify(sorted) ?? 'null');
}

const NOT_PLAIN = Symbol('not plain JSON');

/** The value with every object's keys in sorted order (objects already sorted are reused), or NOT_PLAIN. */
function sortedView(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  if (typeof v !== 'object') return NOT_PLAIN;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // An array hole or undefined is written as null by both renderings.
      const y = x === undefined ? null : sortedView(x);
      if (y === NOT_PLAIN) return NOT_PLAIN;
      if (y !== x && !out) out = v.slice(0, i);
      if (out) out.push(y);
    }
    return out ?? v;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let inOrder = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const c = k.charCodeAt(0);
    if ((c >= 48 && c <= 57) || k === '__proto__') return NOT_PLAIN;
    if (i > 0 && keys[i - 1] > k) inOrder = false;
  }
  if (inOrder) {
    // A copy only from the first member whose view differs: most sorted objects are reused whole.
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const x = o[keys[i]];
      const y = x === undefined ? undefined : sortedView(x);
      if (y === NOT_PLAIN) return NOT_PLAIN;
      if (y !== x && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = o[keys[j]];
      }
      if (out) out[keys[i]] = y;
    }
    return out ?? o;
  }
  sortStrings(keys);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const x = o[k];
    const y = x === undefined ? undefined : sortedView(x);
    if (y === NOT_PLAIN) return NOT_PLAIN;
    out[k] = y;
  }
  return out;
}

/**
 * Sorts in place as Array.prototype.sort does strings (by UTF-16 code units):
 * an insertion sort, because objects have few keys and the built-in sort
 * allocates a work array per call, which made most of canonicalJson's garbage.
 */
function sortStrings(a: string[]): void {
  if (a.length > 32) {
    a.sort();
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** canonicalJson for any value, by hand: sorted keys, keys holding undefined left out. */
function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + slowCanonicalJson(value[i]);
    return out + ']';
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + slowCanonicalJson(v);
    first = false;
  }
  return out + '}';
}

/**
 * Whether two JSON values have the same canonical form (keys holding
 * undefined count as absent), without serialising either: the controllers ask
 * this of every status on every round.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true; // canonicalJson writes both null and undefined as null
  if (a == null || b == null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let nx = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    nx++;
    if (!(k in y) || y[k] === undefined || !sameJson(x[k], y[k])) return false;
  }
  let ny = 0;
  for (const k in y) if (y[k] !== undefined) ny++;
  return nx === ny;
}

/**
 * controller.ComputeHash (pkg/controller/controller_utils.go): FNV-32a over the
 * pod template, plus the collision count when there is one, then
 * SafeEncodeString of the decimal value. The deep-hash input differs from
 * Go's spew output, so values differ from a real cluster's; the shape matches.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  // Controllers hash the same template every round; a template is replaced, never edited, when an apply changes it.
  const memo = typeof template === 'object' && template !== null ? hashes.get(template) : undefined;
  const hit = memo?.get(collisionCount ?? 0);
  if (hit !== undefined) return hit;
  const value = hashOf(template, collisionCount);
  if (typeof template === 'object' && template !== null) {
    const m = memo ?? new Map<number, string>();
    m.set(collisionCount ?? 0, value);
    hashes.set(template, m);
  }
  return value;
}

const hashes = new WeakMap<object, Map<number, string>>();

function hashOf(template: unknown, collisionCount?: number): string {
  let h = canonicalHash(template);
  if (collisionCount) h = fnvText(h, String(collisionCount)) >>> 0;
  return safeEncodeString(String(h));
}

/**
 * fnv32a(canonicalJson(value)), without writing the text: the hash is fed
 * each piece of the canonical rendering as the walk meets it, so no sorted
 * copy and no string of the whole is made. Anything that is not plain JSON
 * (a Date, a toJSON, a non-finite number…) takes the text path instead. The
 * running hash is kept as a signed 32-bit integer (xor and Math.imul see the
 * same bits), unsigned only at the end.
 */
export function canonicalHash(value: unknown): number {
  notPlain = false;
  const h = hashValue(FNV_OFFSET, value);
  return notPlain ? fnv32a(canonicalJson(value)) : h >>> 0;
}

/** Set by the walk when it meets a value it does not render itself. */
let notPlain = false;

function hashValue(h: number, v: unknown): number {
  switch (typeof v) {
    case 'string':
      return hashString(h, v);
    case 'number':
      if (Number.isFinite(v)) return fnvText(h, String(v));
      notPlain = true;
      return h;
    case 'boolean':
      return fnvText(h, v ? 'true' : 'false');
    case 'object':
      break;
    default:
      notPlain = true;
      return h;
  }
  if (v === null) return fnvText(h, 'null');
  if (Array.isArray(v)) {
    h = Math.imul(h ^ 0x5b, FNV_PRIME); // [
    for (let i = 0; i < v.length && !notPlain; i++) {
      if (i) h = Math.imul(h ^ 0x2c, FNV_PRIME); // ,
      const x: unknown = v[i];
      // An array hole or undefined is written as null.
      h = x === undefined ? fnvText(h, 'null') : hashValue(h, x);
    }
    return Math.imul(h ^ 0x5d, FNV_PRIME); // ]
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    notPlain = true;
    return h;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  sortStrings(keys);
  h = Math.imul(h ^ 0x7b, FNV_PRIME); // {
  let first = true;
  for (let i = 0; i < keys.length && !notPlain; i++) {
    const k = keys[i];
    const x = o[k];
    if (x === undefined) continue;
    if (!first) h = Math.imul(h ^ 0x2c, FNV_PRIME);
    first = false;
    h = Math.imul(hashString(h, k) ^ 0x3a, FNV_PRIME); // :
    h = hashValue(h, x);
  }
  return Math.imul(h ^ 0x7d, FNV_PRIME); // }
}

/** The hash continued over JSON.stringify(s). */
function hashString(h: number, s: string): number {
  let g = Math.imul(h ^ 0x22, FNV_PRIME);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Escapes and non-ASCII (UTF-8, surrogates written for the pair or escaped alone): as JSON.stringify writes them.
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x80) return fnvText(h, JSON.stringify(s));
    g = Math.imul(g ^ c, FNV_PRIME);
  }
  return Math.imul(g ^ 0x22, FNV_PRIME);
}

/** The hash continued over the UTF-8 bytes of `text` (ASCII is its own UTF-8: only the rest is encoded). */
function fnvText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = Buffer.from(text.slice(i), 'utf8');
      for (let j = 0; j < bytes.length; j++) h = Math.imul(h ^ bytes[j], FNV_PRIME);
      return h;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}
