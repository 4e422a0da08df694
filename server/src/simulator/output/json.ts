/**
 * `JSON.stringify(value, null, 2)`, byte for byte, handed to `write` in
 * pieces of about `chunk` characters. A simulation's JSON runs to tens of
 * megabytes: built as one string, its parts live long enough to be copied by
 * the garbage collector, and writing it copies it twice more (flattening,
 * encoding). Written per object, each piece dies young. The top levels (the
 * result and its lists) are walked here; each item below them is stringified
 * natively, nested in arrays so that the native indentation is the item's own.
 */
export function streamJson(value: unknown, write: (text: string) => void, chunk = 1 << 16): void {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return; // JSON has nothing to write
  if (!walkable(value, 0)) {
    // toJSON decides for itself (and sees its key): leave such values whole to the native serialiser.
    const whole = JSON.stringify(value, null, 2);
    if (whole !== undefined) write(whole);
    return;
  }
  let buf = '';
  pieces(value, 0, (s) => {
    buf += s;
    if (buf.length >= chunk) {
      write(buf);
      buf = '';
    }
  });
  if (buf) write(buf);
}

/** Levels walked by hand; the items below go to the native serialiser whole. */
const WALKED = 2;

function pieces(v: unknown, depth: number, emit: (s: string) => void): void {
  if (depth >= WALKED || !isPlainContainer(v)) return emit(nested(v, depth));
  const pad = '\n' + '  '.repeat(depth + 1);
  if (Array.isArray(v)) {
    if (v.length === 0) return emit('[]');
    for (let i = 0; i < v.length; i++) {
      emit((i ? ',' : '[') + pad);
      pieces(v[i], depth + 1, emit);
    }
    return emit('\n' + '  '.repeat(depth) + ']');
  }
  const o = v as Record<string, unknown>;
  let first = true;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue; // JSON leaves these members out
    emit((first ? '{' : ',') + pad + JSON.stringify(k) + ': ');
    first = false;
    pieces(x, depth + 1, emit);
  }
  emit(first ? '{}' : '\n' + '  '.repeat(depth) + '}');
}

function isPlainContainer(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const hasToJson = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** No value that the hand walk touches (the walked containers and the items handed on whole) has a toJSON of its own. */
function walkable(v: unknown, depth: number): boolean {
  if (hasToJson(v)) return false;
  if (depth >= WALKED || !isPlainContainer(v)) return true;
  const items = Array.isArray(v) ? v : Object.values(v as object);
  for (const x of items) if (!walkable(x, depth + 1)) return false;
  return true;
}

/**
 * The JSON of a value written `depth` levels deep: the native output of the
 * value nested in `depth` arrays, with the arrays' brackets cut off. In an
 * array, undefined, functions and symbols are written null, as the walk wants
 * for array items (object members holding them are skipped before).
 */
function nested(v: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(v, null, 2) ?? 'null';
  let wrapped: unknown = v;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // Level i (1-based) opens with "[\n" and 2·i spaces; level i closes with "\n", 2·(i-1) spaces and "]".
  const open = depth * (depth + 1) + 2 * depth;
  const close = depth * (depth - 1) + 2 * depth;
  return s.slice(open, s.length - close);
}
