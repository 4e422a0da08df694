import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/engine/rules/registry';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { fromRoot } from '../helpers/paths';
import { asExpectation, describeExpectation, parseAnnotations, type Expectation } from './annotations';

const ROOT = fromRoot('test', 'workspace', 'fixtures');

/** YAML files of a case, with their paths relative to it: cases may have folders (kustomize bases and overlays). */
function yamlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...yamlFiles(dir, rel));
    else if (/\.ya?ml$/.test(e.name)) out.push(rel);
  }
  return out.sort();
}
const WORKSPACE_RULE_IDS = new Set(RULES.filter((r) => r.kind === 'workspace').map((r) => r.meta.id));

/**
 * Every case folder (fixtures/<rule-id>/<case>/) becomes one Workspace. Every
 * annotation must be matched by a diagnostic, and every diagnostic of a
 * workspace rule, and every error, must be annotated. (Advice of per-file rules
 * that other engineers add is not asserted here, so it cannot break these cases.)
 */
for (const ruleId of fs.readdirSync(ROOT).sort()) {
  for (const caseName of fs.readdirSync(path.join(ROOT, ruleId)).sort()) {
    const dir = path.join(ROOT, ruleId, caseName);
    test(`workspace fixture ${ruleId}/${caseName}`, () => {
      const ws = new Workspace(testEngine(), { k8sVersion: '1.30', defaultNamespace: 'default' }, (id, e) => {
        throw new Error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`);
      });
      const expected: Expectation[] = [];
      const texts = new Map<string, string>();
      for (const name of yamlFiles(dir)) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        texts.set(name, text);
        ws.setFile(`file:///${ruleId}/${caseName}/${name}`, text);
        expected.push(...parseAnnotations(name, text));
      }
      assert.ok(texts.size > 0, `${dir} has no YAML files`);
      const actual: Expectation[] = [];
      for (const [name, text] of texts) {
        for (const d of ws.diagnostics(`file:///${ruleId}/${caseName}/${name}`)) {
          const e = asExpectation(name, text, d);
          const annotated = expected.some((x) => describeExpectation(x) === describeExpectation(e));
          if (annotated || WORKSPACE_RULE_IDS.has(d.ruleId) || d.severity === 'error') actual.push(e);
        }
      }
      assert.deepEqual(actual.map(describeExpectation).sort(), expected.map(describeExpectation).sort());
    });
  }
}
