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

  it('schema-required: a workload without spec.selector gets the one extensions/v1beta1 defaulted, from the template labels', () => {
    const deployment = (indent: string, labels: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n${indent}name: web\nspec:\n${indent}replicas: 2\n${indent}template:\n${indent}${indent}metadata:\n${indent}${indent}${indent}labels:\n${labels
        .split('\n')
        .map((l) => `${indent}${indent}${indent}${indent}${l}`)
        .join('\n')}\n${indent}${indent}spec:\n${indent}${indent}${indent}containers:\n${indent}${indent}${indent}- name: web\n${indent}${indent}${indent}  image: nginx:1.27\n`;
    for (const [indent, labels] of [
      ['  ', 'app: web'],
      ['    ', 'app.kubernetes.io/name: web\ntier: "yes"\nversion: "1.0"'],
    ]) {
      const text = deployment(indent, labels);
      const d = check(text).find((x) => x.ruleId === 'schema-required');
      assert.match(d?.message ?? '', /Missing required field "selector" in DeploymentSpec \(spec\)\. In apps\/v1 it says which pods the Deployment manages/);
      const fixed = applyFirstFix(text, d);
      assert.deepEqual(check(fixed), [], fixed);
      assert.ok(fixed.includes(`spec:\n${indent}selector:\n${indent}  matchLabels:\n`), fixed);
    }
    // A flow-style spec has no line to write a block on: the message still says what to add.
    const flow = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: a, image: "busybox:1.36"}]}}}\n';
    const f = check(flow).find((x) => x.ruleId === 'schema-required');
    assert.match(f?.message ?? '', /selector\.matchLabels app=agent/);
    assert.equal(f?.fixes, undefined);
  });

  it('restart-policy-invalid: writes restartPolicy Never into a template that has none, or changes Always', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: busybox:1.36\n';
    const d = check(job).find((x) => x.ruleId === 'restart-policy-invalid');
    assert.match(d?.message ?? '', /^spec\.template\.spec\.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\. .*not written/);
    const fixed = applyFirstFix(job, d);
    assert.ok(fixed.includes('    spec:\n      restartPolicy: Never\n      containers:\n'), fixed);
    assert.deepEqual(check(fixed), []);
    const always = fixed.replace('restartPolicy: Never', 'restartPolicy: Always');
    const a = check(always).find((x) => x.ruleId === 'restart-policy-invalid');
    assert.deepEqual(a?.fixes?.map((f) => f.title), ['Change to Never', 'Change to OnFailure']);
    assert.deepEqual(check(applyFirstFix(always, a)), []);
  });

  it('invalid-name: lowercases and dashes a name', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Settings\n';
    const d = check(text).find((x) => x.ruleId === 'invalid-name');
    const fixed = applyFirstFix(text, d);
    assert.ok(fixed.includes('name: my-settings'));
    assert.deepEqual(check(fixed), []);
  });
});
