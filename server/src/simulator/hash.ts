import { SAFE_ALPHABET } from './random';

/** FNV-1a, 32 bits (hash/fnv New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = Buffer.from(text, 'utf8');
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
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
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
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
  let text = canonicalJson(template);
  if (collisionCount) text += String(collisionCount);
  return safeEncodeString(String(fnv32a(text)));
}
