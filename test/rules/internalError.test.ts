import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import { rule as duplicateContainerName } from '../../server/src/engine/rules/duplicate-container-name';
import type { ResourceRule } from '../../server/src/engine/rules/types';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';

const throwing: ResourceRule = {
  kind: 'resource',
  meta: { id: 'always-throws', defaultSeverity: 'error', description: 'test', rationale: 'test' },
  check() {
    throw new Error('boom');
  },
};

describe('internal-error', () => {
  it('turns a rule that throws into one internal-error on the kind, logs it, and still runs the other rules', () => {
    const logged: string[] = [];
    const engine = new Engine(loadSchemaBundle(), (id, e) => logged.push(`${id}: ${(e as Error).message}`));
    engine.rules = [throwing, duplicateContainerName];
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - {name: app, image: nginx}\n    - {name: app, image: busybox}\n';
    const d = engine.checkFile(engine.parse('file:///t.yaml', text));
    assert.deepEqual(d.map((x) => x.ruleId).sort(), ['duplicate-container-name', 'internal-error']);
    const ie = d.find((x) => x.ruleId === 'internal-error')!;
    assert.equal(text.slice(ie.span.start, ie.span.end), 'Pod');
    assert.match(ie.message, /always-throws failed on this object: boom/);
    assert.deepEqual(logged, ['always-throws: boom']);
  });
});
