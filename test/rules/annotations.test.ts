import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnnotations, parseHeader, toExpectation } from './annotations';

describe('fixture annotations', () => {
  it('reads carets under a line as the columns of a span, with severity and rule id', () => {
    const text = 'a:\n  image: nginx:latest\n#        ^^^^^^^^^^^^ warning some-rule\n#        ^ error other-rule\n';
    assert.deepEqual(parseAnnotations(text), [
      { line: 1, startColumn: 9, endColumn: 21, severity: 'warning', ruleId: 'some-rule' },
      { line: 1, startColumn: 9, endColumn: 10, severity: 'error', ruleId: 'other-rule' },
    ]);
  });

  it('counts a # directly followed by carets as column 0', () => {
    assert.deepEqual(parseAnnotations('kind: X\n#^^^ error r\n'), [{ line: 0, startColumn: 0, endColumn: 4, severity: 'error', ruleId: 'r' }]);
  });

  it('ignores ordinary comments and reads the header', () => {
    const text = '# kubesim-test: k8sVersion=1.24\n# just a comment\nkind: X\n';
    assert.deepEqual(parseAnnotations(text), []);
    assert.deepEqual(parseHeader(text), { k8sVersion: '1.24' });
  });

  it('maps a multi-line span to its first line, up to the line end', () => {
    const text = 'x:\n  labels: {a: b,\n    c: d}\n';
    const start = text.indexOf('{');
    const e = toExpectation(text, { ruleId: 'r', severity: 'error', message: '', uri: 'u', span: { start, end: text.indexOf('}') + 1 } });
    assert.deepEqual(e, { line: 1, startColumn: 10, endColumn: 16, severity: 'error', ruleId: 'r' });
  });
});
