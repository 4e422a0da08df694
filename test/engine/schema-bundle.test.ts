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

  it('parses a definition when it is first read, and gives what JSON.parse gives', () => {
    const lazy = parseSchemaBundle(text);
    const name = 'apps.v1.Deployment';
    assert.equal(typeof Object.getOwnPropertyDescriptor(lazy.definitions, name)?.get, 'function', 'not parsed before it is read');
    const first = lazy.definitions[name];
    assert.equal(lazy.definitions[name], first, 'parsed once: the same object on every read');
    assert.equal(Object.getOwnPropertyDescriptor(lazy.definitions, name)?.get, undefined);
    assert.deepEqual(lazy, JSON.parse(text));
  });

  it('parses any other layout whole', () => {
    const compact = JSON.stringify(JSON.parse(text));
    assert.deepEqual(parseSchemaBundle(compact), JSON.parse(text));
    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    assert.deepEqual(parseSchemaBundle(pretty), JSON.parse(text));
  });
});
