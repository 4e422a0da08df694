import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/engine/rules/registry';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { SHARED } from '../helpers/paths';

const CORPUS = path.join(SHARED, 'corpus');
const WORKSPACE_RULES = new Set(RULES.filter((r) => r.kind === 'workspace').map((r) => r.meta.id));

/**
 * Files the corpus marks `valid` are applied on their own upstream, so each is
 * one Workspace here, and no workspace rule may warn about them. (Folders of the
 * corpus are collections of unrelated examples, not applications.)
 */
test('corpus files marked valid get no workspace-rule warnings', (t) => {
  if (!fs.existsSync(path.join(CORPUS, 'INDEX.tsv'))) return t.skip(`corpus not found at ${CORPUS}`);
  const rows = fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const valid = rows.filter((r) => r[3] === 'valid').map((r) => r[0]);
  assert.ok(valid.length > 100);
  const found: string[] = [];
  for (const rel of valid) {
    const ws = new Workspace(testEngine());
    const uri = path.join(CORPUS, rel);
    ws.setFile(uri, fs.readFileSync(uri, 'utf8'));
    for (const d of ws.diagnostics(uri)) if (WORKSPACE_RULES.has(d.ruleId) && d.severity !== 'info' && d.severity !== 'hint') found.push(`${rel}: ${d.ruleId}: ${d.message}`);
  }
  assert.deepEqual(found, []);
});
