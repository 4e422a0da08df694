import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalHash, canonicalJson, computeHash, fnv32a } from '../../server/src/simulator/hash';
import { clone, isPlainJson } from '../../server/src/simulator/obj';

/** canonicalJson as it was first written: string concatenation by hand, the meaning the fast path must keep. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + Array.from(value, (x) => reference(x)).join(',') + ']';
  const o = value as Record<string, unknown>;
  return '{' + Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => JSON.stringify(k) + ':' + reference(o[k])).join(',') + '}';
}

const protoKey = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown;
// eslint-disable-next-line no-sparse-arrays
const sparse = [1, , 3];
const VALUES: unknown[] = [
  null, 0, -0, 1.5, NaN, Infinity, -Infinity, '', 'x\n"y"', true, false, [], {},
  [1, undefined, null, sparse], { b: 1, a: 2 }, { a: 1, b: undefined, c: null }, { z: { y: [{ b: 1, a: 2 }] }, a: [] },
  { '10': 'ten', '2': 'two', b: 'x', a: 'y' }, { '1a': 1, a: 0 }, { '': 1, a: { '': 2 } },
  { when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), bytes: new Uint8Array([1, 2]), map: new Map([['k', 1]]), set: new Set([1]) },
  { n: -0, inf: Infinity, nan: NaN, arr: [NaN, -0, () => 1, Symbol('s')] }, { f: () => 1, s: Symbol('s'), keep: 1 },
  { custom: { toJSON: (key: string) => `key:${key}` }, list: [{ toJSON: (key: string) => `key:${key}` }] },
  Object.assign(Object.create(null) as object, { b: 1, a: 2 }), protoKey,
  Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7) % 40}x`, { z: i, ['é' + String.fromCharCode(97 + (i % 26))]: i, A: [i] }])),
  { deep: { spec: { template: { metadata: { labels: { app: 'web', tier: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } } } } },
];

describe('clone', () => {
  it('copies exactly as a JSON round trip does, key order included', () => {
    for (const v of VALUES) {
      const expected = JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
      const got = clone(v);
      assert.deepStrictEqual(got, expected, JSON.stringify(v));
      assert.equal(JSON.stringify(got), JSON.stringify(expected));
    }
  });

  it('isPlainJson holds only of values clone gives back unchanged (and of the usual ones)', () => {
    let plain = 0;
    for (const v of VALUES) {
      const unchanged = (() => {
        try {
          assert.deepStrictEqual(clone(v), v);
          const proto = (x: unknown): unknown => (x !== null && typeof x === 'object' ? Object.getPrototypeOf(x) : undefined);
          return JSON.stringify(clone(v)) === JSON.stringify(v) && proto(v) === proto(clone(v));
        } catch {
          return false;
        }
      })();
      // A false "no" only costs a copy (an own __proto__ key is one); a false "yes" would store what JSON would change.
      if (isPlainJson(v)) {
        assert.ok(unchanged, JSON.stringify(v));
        plain++;
      }
    }
    assert.ok(plain >= 8, `only ${plain} plain values: the comparison would prove little`);
  });

  it('shares nothing with the original', () => {
    const v = { a: { b: [{ c: 1 }] } };
    const c = clone(v);
    c.a.b[0].c = 2;
    assert.equal(v.a.b[0].c, 1);
  });

  it('keeps "__proto__" as an own key, as JSON.parse does', () => {
    const c = clone(protoKey) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(c), Object.prototype);
    assert.deepEqual(Object.keys(c), ['__proto__', 'a']);
  });

  it('leaves undefined as it is', () => {
    assert.equal(clone(undefined), undefined);
  });
});

describe('canonicalJson', () => {
  it('renders every value as the hand-written rendering does', () => {
    for (const v of [...VALUES, undefined, VALUES]) assert.equal(canonicalJson(v), reference(v), reference(v));
  });
});

describe('canonicalHash', () => {
  const UNICODE: unknown[] = [
    'é', 'naïve', '日本語', '😀', 'a😀b', '\ud800', 'x\udc00y', '\u0000\u001f\u007f\u0080', 'tab\there "q" \\',
    { 'ключ': 'значение', b: ['é', '😀', { '\ud83d': 1 }], a: '\u2028\u2029' },
    { '0': 1, '10': 2, '9': 3, '-1': 4, '01': 5, a: undefined, b: [undefined, [[], [[1, 'é']]], {}] },
    { big: 1e21, small: 1e-7, neg: -12.5, zero: -0, max: Number.MAX_SAFE_INTEGER, t: true, f: false, n: null },
  ];

  it('is fnv32a of canonicalJson, without the text', () => {
    for (const v of [...VALUES, ...UNICODE, undefined, VALUES, UNICODE]) assert.equal(canonicalHash(v), fnv32a(canonicalJson(v)), reference(v));
  });

  it('gives computeHash the values of hashing the text', () => {
    for (const v of [...VALUES, ...UNICODE]) {
      for (const collisionCount of [undefined, 0, 1, 17]) {
        const text = canonicalJson(v) + (collisionCount ? String(collisionCount) : '');
        const expected = String(fnv32a(text)).replace(/./g, (d) => 'bcdfghjklmnpqrstvwxz2456789'[d.charCodeAt(0) % 27]);
        assert.equal(computeHash(v, collisionCount), expected);
      }
    }
  });
});
