import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { check } from '../helpers/engine';

/** The text after applying the first fix of a diagnostic. */
function applyFirstFix(text: string, d: Diagnostic | undefined): string {
  const edits = [...(d?.fixes?.[0]?.edits ?? [])].sort((a, b) => b.span.start - a.span.start);
  assert.ok(edits.length, 'a fix was offered');
  for (const e of edits) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

describe('quick fixes of the semantic rules', () => {
  it('selector-mismatch: copies the selector value into the template labels, with the API server message', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\nspec:\n  selector:\n    matchLabels: {app: broken}\n  template:\n    metadata:\n      labels: {app: something-else}\n    spec:\n      containers:\n      - name: c\n        image: busybox:1.36\n';
    const d = check(text).find((x) => x.ruleId === 'selector-mismatch');
    assert.ok(d);
    assert.ok(d.message.startsWith('The Deployment "broken" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"something-else"}: `selector` does not match template `labels`'));
    assert.equal(text.slice(d.related![0].span.start, d.related![0].span.end).startsWith('matchLabels'), true);
    const fixed = applyFirstFix(text, d);
    assert.ok(fixed.includes('labels: {app: broken}'));
    assert.deepEqual(check(fixed), []);
  });

  it('invalid-quantity: offers the decimal and the binary unit', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      resources:\n        limits: {memory: 512MB}\n';
    const d = check(text).find((x) => x.ruleId === 'invalid-quantity');
    assert.deepEqual(d?.fixes?.map((f) => f.edits[0].newText), ['512M', '512Mi']);
    assert.deepEqual(check(applyFirstFix(text, d)), []);
  });

  it('invalid-name: lowercases and dashes a name', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Settings\n';
    const d = check(text).find((x) => x.ruleId === 'invalid-name');
    const fixed = applyFirstFix(text, d);
    assert.ok(fixed.includes('name: my-settings'));
    assert.deepEqual(check(fixed), []);
  });
});
