import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { findSchemaBundlePath, parseSchemaBundle } from '../../server/src/node/schemaBundle';

/** The schema bundle is one JSON document, written so that the doors parse only the definitions they read. */
describe('schema bundle loading', () => {
  const text = fs.readFileSync(findSchemaBundlePath(), 'utf8');

  it('is plain ASCII, one definition per line', () => {
    assert.ok(/^[\x00-\x7f]*$/.test(text), 'non-ASCII characters are escaped');
    const whole = JSON.parse(text) as { definitions: Record<string, unknown> };
    assert.equal(text.trimEnd().split('\n').length, Object.keys(whole.definitions).length + 2);
  });

  it('parses a definition when it is first read, once, and gives what JSON.parse gives', () => {
    const parse = JSON.parse;
    let parses = 0;
    JSON.parse = (...args: Parameters<typeof JSON.parse>): unknown => {
      parses++;
      return parse(...args);
    };
    try {
      const lazy = parseSchemaBundle(text);
      assert.equal(parses, 1, 'only the head is parsed up front');
      const first = lazy.definitions['apps.v1.Deployment'];
      assert.equal(first.properties?.kind?.const, 'Deployment');
      assert.equal(lazy.definitions['apps.v1.Deployment'], first, 'the same object on every read');
      assert.equal(parses, 2, 'one parse for the definition read, however often');
    } finally {
      JSON.parse = parse;
    }
    assert.deepEqual(parseSchemaBundle(text), JSON.parse(text));
  });

  it('parses any other layout whole', () => {
    const compact = JSON.stringify(JSON.parse(text));
    assert.deepEqual(parseSchemaBundle(compact), JSON.parse(text));
    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    assert.deepEqual(parseSchemaBundle(pretty), JSON.parse(text));
  });
});
