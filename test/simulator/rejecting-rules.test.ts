import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import { inputsFromSources, rejectingRules } from '../../server/src/simulator/apiserver/inputs';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';
import { testEngine } from '../helpers/engine';
import { fromRoot } from '../helpers/paths';

/**
 * `kubesim simulate` checks its inputs with only the rules that can reject an
 * object (rejectingRules). Every rule fixture, firing or not, must give the
 * simulator exactly the same inputs and engine errors as the full rule set.
 */
const ROOT = fromRoot('test');
const DIRS = ['rules/fixtures', 'workspace/fixtures', 'simulator/cases'].map((d) => path.join(ROOT, d));

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('simulate: the rejecting rules alone give the same inputs as all rules', () => {
  const files = DIRS.flatMap(yamlFiles);
  const narrow = new Engine(loadSchemaBundle(), (id, e) => {
    throw new Error(`rule ${id} threw: ${(e as Error)?.stack ?? String(e)}`);
  }, loadPrecompiledValidators());
  narrow.rules = rejectingRules(narrow.rules);

  it('drops the advice rules and keeps every error rule', () => {
    assert.ok(narrow.rules.length > 0 && narrow.rules.length < testEngine().rules.length);
    assert.ok(narrow.rules.every((r) => r.meta.defaultSeverity === 'error'));
  });

  it(`matches on ${files.length} fixture files`, () => {
    assert.ok(files.length > 100, `fixtures not found under ${ROOT}`);
    let withErrors = 0;
    for (const file of files) {
      const sources = [{ source: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }];
      const full = inputsFromSources(testEngine(), sources);
      assert.deepEqual(inputsFromSources(narrow, sources), full, file);
      if (full.some((i) => i.engineErrors.length)) withErrors++;
    }
    assert.ok(withErrors > 10, 'the fixtures should include objects the apiserver rejects');
  });
});
