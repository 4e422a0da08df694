import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/check';
import { RULES } from '../../server/src/engine/rules/registry';
import { check } from '../helpers/engine';
import { fromRoot } from '../helpers/paths';
import { formatExpectation, parseAnnotations, parseHeader, toExpectation } from './annotations';

const FIXTURES = fromRoot('test', 'rules', 'fixtures');

/**
 * Rules without fixtures, and why. internal-error only appears when a rule throws,
 * which no manifest should make happen; test/rules/internalError.test.ts covers it
 * with a rule that throws on purpose.
 */
const NO_FIXTURES = new Set(['internal-error']);

const fixtureFiles = (ruleId: string): string[] => {
  const dir = path.join(FIXTURES, ruleId);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
};

describe('rule fixtures', () => {
  it('every rule has a fires and a dont-fire fixture', () => {
    const missing: string[] = [];
    for (const r of RULES) {
      if (NO_FIXTURES.has(r.meta.id)) continue;
      // Cross-file rules need several files; their cases live in test/workspace/fixtures/<id>/<case>/.
      if (r.kind === 'workspace') {
        if (!fs.existsSync(fromRoot('test', 'workspace', 'fixtures', r.meta.id))) missing.push(`test/workspace/fixtures/${r.meta.id}/`);
        continue;
      }
      const files = fixtureFiles(r.meta.id);
      if (!files.some((f) => f.startsWith('fires'))) missing.push(`${r.meta.id}/fires.yaml`);
      if (!files.some((f) => f.startsWith('dont-fire'))) missing.push(`${r.meta.id}/dont-fire.yaml`);
    }
    assert.deepEqual(missing, [], `missing fixtures under test/rules/fixtures: ${missing.join(', ')}`);
  });

  it('every fixture folder is named after a rule', () => {
    const ids = new Set(RULES.filter((r) => r.kind !== 'workspace').map((r) => r.meta.id));
    const strays = fs.readdirSync(FIXTURES).filter((d) => !ids.has(d));
    assert.deepEqual(strays, []);
  });

  for (const dir of fs.readdirSync(FIXTURES).sort()) {
    for (const file of fixtureFiles(dir)) {
      it(`${dir}/${file}`, () => {
        const full = path.join(FIXTURES, dir, file);
        const text = fs.readFileSync(full, 'utf8');
        const header = parseHeader(text);
        const options = { ...DEFAULT_SETTINGS, ...(header.k8sVersion ? { k8sVersion: header.k8sVersion } : {}) };
        const expected = parseAnnotations(text).map(formatExpectation).sort();
        if (file.startsWith('fires')) assert.ok(expected.some((e) => e.endsWith(` ${dir}`)), `${file} must expect at least one ${dir} diagnostic`);
        if (file.startsWith('dont-fire')) assert.deepEqual(expected, [], `${file} must not expect diagnostics`);
        const diags = check(text, pathToFileURL(full).href, options);
        const actual = diags.map((d) => formatExpectation(toExpectation(text, d))).sort();
        const detail = diags.map((d) => `  ${formatExpectation(toExpectation(text, d))}: ${d.message}`).join('\n');
        assert.deepEqual(actual, expected, `diagnostics of ${dir}/${file}:\n${detail}`);
      });
    }
  }
});
