import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeHash, fnv32a, safeEncodeString } from '../../server/src/simulator/hash';
import { mulberry32, nameGenerator, SAFE_ALPHABET } from '../../server/src/simulator/random';

describe('simulator names and hashes', () => {
  it('encodes hashes like rand.SafeEncodeString: each digit maps to the safe alphabet by its byte value', () => {
    // '0' is byte 48, 48 % 27 = 21 -> '4'; '6' is 54 -> 0 -> 'b'.
    assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  });

  it('computes FNV-32a as hash/fnv does', () => {
    assert.equal(fnv32a(''), 0x811c9dc5);
    assert.equal(fnv32a('a'), 0xe40c292c);
    // Over UTF-8 bytes, whether the text is ASCII or not: 'é' is c3 a9, the emoji four bytes.
    const overBytes = (text: string): number => [...Buffer.from(text, 'utf8')].reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);
    for (const text of ['foobar', '{"a":"b"}', 'café', 'x\u{1f600}y', '\u00ff']) assert.equal(fnv32a(text), overBytes(text), text);
  });

  it('gives pod-template-hash values of the upstream shape, stable for a template', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    assert.match(computeHash(t), /^[4-9bcdf]{1,10}$/);
    assert.equal(computeHash(t), computeHash(JSON.parse(JSON.stringify(t))));
    assert.notEqual(computeHash(t), computeHash(t, 1));
  });

  it('generates 5-character suffixes from the safe alphabet and v4 uids', () => {
    const names = nameGenerator(mulberry32(3));
    for (let i = 0; i < 50; i++) assert.match(names.suffix(), new RegExp(`^[${SAFE_ALPHABET}]{5}$`));
    assert.match(names.uid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
