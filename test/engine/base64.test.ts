import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64Encode, base64ErrorOffset } from '../../server/src/engine/k8s/base64';

// Offsets as Go's base64.StdEncoding.Decode reports them (CorruptInputError).
const CASES: [string, number | undefined][] = [
  ['', undefined],
  ['aGVsbG8=', undefined],
  ['aGVsbG8h', undefined],
  ['aGk=', undefined],
  ['aA==', undefined],
  ['aGVs\nbG8=\n', undefined],
  ['hunter2!', 7],
  ['password', undefined],
  ['my password', 2],
  ['abc', 0],
  ['abcde', 4],
  ['a===', 1],
  ['ab=c', 2],
  ['ab=', 3],
  ['aGk=aGk=', 4],
  ['aGVsbG8=x', 8],
];

test("Secret data decodes, or fails at the byte Go's base64 reports", () => {
  for (const [s, offset] of CASES) assert.equal(base64ErrorOffset(s), offset, JSON.stringify(s));
});

test('encodes as Buffer does, for any text', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'hunter2!', 'pässwörd ✓', '\u{1F511} key']) assert.equal(base64Encode(s), Buffer.from(s, 'utf8').toString('base64'), s);
});
