import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ALIAS_COUNT } from '../../server/src/engine/yaml/parse';
import { check } from '../helpers/engine';

/** Hostile or unusual input: the engine answers with diagnostics, never a throw, and keeps offsets exact. */
const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const spanText = (text: string, d: { span: { start: number; end: number } }): string => text.slice(d.span.start, d.span.end);

describe('robustness', () => {
  it('rejects a NUL byte as go-yaml does, on the character itself', () => {
    const text = HEAD + 'data:\n  k: "a\u0000b"\n';
    const d = check(text);
    assert.deepEqual(d.map((x) => x.ruleId), ['yaml-syntax']);
    assert.equal(spanText(text, d[0]), '\u0000');
    assert.match(d[0].message, /U\+0000/);
  });

  it('gives nothing to a file of NUL bytes (not a manifest)', () => {
    assert.deepEqual(check('\u0000\u0000\u0000'), []);
  });

  it('checks a document with a very long line', () => {
    const text = HEAD + 'data:\n  big: ' + 'x'.repeat(1_000_000) + '\ndta: {}\n';
    const d = check(text);
    assert.deepEqual(d.map((x) => x.ruleId), ['schema-unknown-field']);
    assert.equal(spanText(text, d[0]), 'dta');
  });

  it('reports a nesting too deep to check instead of overflowing the stack, in flow and block style', () => {
    const flow = HEAD + 'data: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const block = HEAD + 'x:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\n';
    for (const text of [flow, block]) {
      const d = check(text);
      assert.ok(d.length >= 1);
      assert.ok(d.every((x) => x.severity === 'error' && x.ruleId !== 'internal-error'), JSON.stringify(d));
      assert.ok(d.some((x) => /nests too deeply/.test(x.message)));
    }
  });

  it('checks reasonably deep documents normally', () => {
    const text = HEAD + 'x:\n' + Array.from({ length: 200 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\n';
    const d = check(text);
    assert.deepEqual(d.map((x) => x.ruleId), ['schema-unknown-field']);
    assert.equal(spanText(text, d[0]), 'x');
  });

  it('refuses an alias bomb without expanding it', () => {
    let text = HEAD + 'data:\n  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 9; i++) text += `  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]\n`;
    const d = check(text);
    assert.equal(d.length, 1);
    assert.equal(d[0].ruleId, 'yaml-syntax');
    assert.match(d[0].message, /too many aliases/);
    assert.ok(MAX_ALIAS_COUNT > 0 && MAX_ALIAS_COUNT < 100_000);
  });

  it('accepts a few aliases, as kubectl does', () => {
    const text = HEAD + 'data:\n  a: &v "x"\n  b: *v\n';
    assert.deepEqual(check(text), []);
  });

  it('keeps spans exact in a file with a byte order mark and CRLF line ends', () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\ndta: {}\r\n---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: s\r\nspec:\r\n  ports:\r\n    - port: 80\r\n      protocl: TCP\r\n';
    const d = check(text);
    assert.deepEqual(d.map((x) => [x.ruleId, spanText(text, x)]), [
      ['schema-unknown-field', 'dta'],
      ['schema-unknown-field', 'protocl'],
    ]);
    assert.equal(d[1].fixes?.[0].edits[0].newText, 'protocol');
    assert.equal(spanText(text, d[1].fixes![0].edits[0]), 'protocl');
  });

  it('treats a null field as absent, as the API server decodes it', () => {
    const text = HEAD.replace('  name: a\n', '  name: a\n  creationTimestamp: null\n  labels:\n') + 'data:\n';
    assert.deepEqual(check(text), []);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      args:\n';
    assert.deepEqual(check(pod), []);
    // A required field given as null is still missing.
    const noContainers = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n';
    assert.deepEqual(check(noContainers).map((x) => x.ruleId), ['schema-required']);
  });

  it('reports a document with kind but no usable kind or apiVersion', () => {
    const noVersion = 'kind: ConfigMap\nmetadata:\n  name: a\n';
    const d1 = check(noVersion);
    assert.deepEqual(d1.map((x) => [x.ruleId, x.severity, spanText(noVersion, x)]), [['schema-required', 'error', 'kind']]);
    assert.match(d1[0].message, /apiVersion: v1/);
    const emptyKind = 'apiVersion: v1\nkind:\nmetadata:\n  name: a\n';
    assert.deepEqual(check(emptyKind).map((x) => [x.ruleId, spanText(emptyKind, x)]), [['schema-required', 'kind']]);
    // Helm's Chart.yaml has an apiVersion and no kind: not a manifest.
    assert.deepEqual(check('apiVersion: v2\nname: demo\nversion: 0.1.0\n'), []);
  });

  it('survives arbitrary junk without throwing', () => {
    const junk = ['', '---', '--- !!binary', '*undefined', '&a [*a]', '? [a, b]\n: c', 'kind: [1, 2]', 'apiVersion: v1\nkind: {a: b}', '{{', 'a: !!int "x"', '- - - -', 'apiVersion: v1\nkind: List\nitems: [1, null, {kind: Pod}]', '\t\tkind: x'];
    for (const j of junk) assert.doesNotThrow(() => check(j), j);
  });
});
