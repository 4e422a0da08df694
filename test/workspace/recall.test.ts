import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { resourcesOf } from '../../server/src/engine/k8s/resource';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { generateWorkspace, GENERATOR, type Mistake, type Place } from '../helpers/generatedWorkspace';

/**
 * Recall of the workspace checks on a generated workspace
 * (../shared/bench/gen-workspace.mjs): every cross-resource mistake the
 * generator planted is reported, as a warning or an error, on its line, in the
 * single-file layout and across the files of the split layout; documents of apps
 * without a planted mistake get no warning and no error at all.
 *
 * A planted mistake may show on another document of the same app (a typo in a
 * Deployment's `containers` leaves its Service without ports), so findings in
 * the documents of an app with a mistake are not counted as false.
 */
interface Found {
  file: string;
  line: number;
  /** metadata.name of the object the finding is in. */
  object: string;
  d: Diagnostic;
}

function checkWorkspace(root: string, rels: string[]): Found[] {
  const ws = new Workspace(testEngine());
  const uriOf = (rel: string): string => 'file://' + path.join(root, rel);
  for (const rel of rels) ws.setFile(uriOf(rel), fs.readFileSync(path.join(root, rel), 'utf8'));
  const out: Found[] = [];
  for (const rel of rels) {
    const file = ws.getFile(uriOf(rel))!;
    const lines = new LineIndex(file.parsed.text);
    const resources = resourcesOf(file.parsed);
    for (const d of ws.diagnostics(uriOf(rel))) {
      const res = resources.find((r) => d.span.start >= r.document.start && d.span.start < r.document.end);
      out.push({ file: rel, line: lines.positionAt(d.span.start).line + 1, object: res?.name ?? '', d });
    }
  }
  return out;
}

function judge(found: Found[], mistakes: Mistake[], placeOf: (m: Mistake) => Place): string[] {
  const problems: string[] = [];
  const serious = found.filter((f) => f.d.severity === 'error' || f.d.severity === 'warning');
  for (const m of mistakes.filter((x) => x.scope === 'cross-resource')) {
    const p = placeOf(m);
    if (!serious.some((f) => f.file === p.file && f.line === p.line)) problems.push(`missed #${m.id} ${m.kind} at ${p.file}:${p.line} (${m.yamlPath}: ${m.detail})`);
  }
  const apps = mistakes.map((m) => m.resource.name);
  for (const f of serious) {
    if (apps.some((app) => f.object === app || f.object.startsWith(app + '-'))) continue;
    problems.push(`false ${f.d.severity} at ${f.file}:${f.line} in ${f.object}: ${f.d.ruleId}: ${f.d.message}`);
  }
  return problems;
}

describe('workspace recall on a generated workspace', { skip: fs.existsSync(GENERATOR) ? false : `no generator at ${GENERATOR}` }, () => {
  let dir = '';
  let mistakes: Mistake[] = [];

  before(() => {
    // A higher mistake rate than the default plants several cross-resource mistakes of each kind.
    ({ dir, mistakes } = generateWorkspace(100, ['--seed', '7', '--mistake-rate', '0.08']));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plants cross-resource mistakes of every kind', () => {
    const kinds = new Set(mistakes.filter((m) => m.scope === 'cross-resource').map((m) => m.kind));
    assert.ok(kinds.size >= 3, JSON.stringify([...kinds]));
  });

  it('reports every cross-resource mistake of all.yaml on its line, and nothing serious elsewhere', () => {
    assert.deepEqual(judge(checkWorkspace(dir, ['all.yaml']), mistakes, (m) => m.all), []);
  });

  it('does the same across the files of the split layout', () => {
    const rels: string[] = [];
    const walk = (rel: string): void => {
      for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const r = path.posix.join(rel, e.name);
        if (e.isDirectory()) walk(r);
        else if (/\.ya?ml$/.test(e.name)) rels.push(r);
      }
    };
    walk('apps');
    assert.ok(rels.length > 100);
    assert.deepEqual(judge(checkWorkspace(dir, rels), mistakes, (m) => m.split), []);
  });
});
