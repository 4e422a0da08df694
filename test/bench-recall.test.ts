import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from '../server/src/engine/diagnostic';
import { LineIndex } from '../server/src/engine/text/lineIndex';
import { testEngine } from './helpers/engine';
import { generateWorkspace, GENERATOR, type Mistake, type Place } from './helpers/generatedWorkspace';

/**
 * Recall on a generated workspace (../shared/bench/gen-workspace.mjs): every
 * schema-level mistake the generator planted is reported on its line, and the
 * documents without a planted mistake get no error at all. Cross-resource
 * mistakes belong to the workspace checks and are not judged here.
 */
interface Checked {
  diagnostics: Diagnostic[];
  lineOf(offset: number): number;
  docOf(offset: number): number;
}

function checkFile(abs: string): Checked {
  const e = testEngine();
  const text = fs.readFileSync(abs, 'utf8');
  const parsed = e.parse('file://' + abs, text);
  const lines = new LineIndex(text);
  return {
    diagnostics: e.checkFile(parsed),
    lineOf: (o) => lines.positionAt(o).line + 1,
    docOf: (o) => parsed.documents.findIndex((d) => o >= d.start && o < d.end),
  };
}

/** Problems as readable lines: missed mistakes, and errors in documents that have none. */
function judge(files: Map<string, Checked>, mistakes: Mistake[], placeOf: (m: Mistake) => Place): string[] {
  const problems: string[] = [];
  const planted = new Set(mistakes.map((m) => `${placeOf(m).file}#${placeOf(m).doc}`));
  for (const m of mistakes.filter((x) => x.scope === 'schema')) {
    const p = placeOf(m);
    const f = files.get(p.file);
    const hit = f?.diagnostics.some((d) => d.severity === 'error' && f.lineOf(d.span.start) === p.line);
    if (!hit) problems.push(`missed #${m.id} ${m.kind} at ${p.file}:${p.line} (${m.yamlPath}: ${m.detail})`);
  }
  for (const [file, f] of files) {
    for (const d of f.diagnostics) {
      if (d.severity !== 'error' || planted.has(`${file}#${f.docOf(d.span.start)}`)) continue;
      problems.push(`false error at ${file}:${f.lineOf(d.span.start)}: ${d.ruleId}: ${d.message}`);
    }
  }
  return problems;
}

describe('recall on a generated workspace', { skip: fs.existsSync(GENERATOR) ? false : `no generator at ${GENERATOR}` }, () => {
  let dir = '';
  let mistakes: Mistake[] = [];

  before(() => {
    ({ dir, mistakes } = generateWorkspace(100));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plants schema mistakes to look for', () => {
    assert.ok(mistakes.filter((m) => m.scope === 'schema').length >= 5, JSON.stringify(mistakes.map((m) => m.scope)));
  });

  it('reports every schema mistake of all.yaml on its line, and no other error', () => {
    const files = new Map([['all.yaml', checkFile(path.join(dir, 'all.yaml'))]]);
    assert.deepEqual(judge(files, mistakes, (m) => m.all), []);
  });

  it('does the same on the split layout (apps/…/*.yaml)', () => {
    const files = new Map<string, Checked>();
    const walk = (rel: string): void => {
      for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const r = path.posix.join(rel, e.name);
        if (e.isDirectory()) walk(r);
        else if (/\.ya?ml$/.test(e.name)) files.set(r, checkFile(path.join(dir, r)));
      }
    };
    walk('apps');
    assert.ok(files.size > 100);
    assert.deepEqual(judge(files, mistakes, (m) => m.split), []);
  });
});
