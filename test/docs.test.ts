import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/engine/rules/registry';
import { fromRoot, REPO_ROOT } from './helpers/paths';

interface DocsScript {
  renderRuleDocs(rules: unknown, readme: string | undefined): Map<string, string>;
  staleRulePages(root: string, generated: Map<string, string>): string[];
  readReadme(root: string): string | undefined;
}

// A real dynamic import: the generator is an ES module (TypeScript keeps import() under node16).
const loadScript = (): Promise<DocsScript> => import(pathToFileURL(fromRoot('scripts', 'gen-rule-docs.mjs')).href) as Promise<DocsScript>;

const HOW = 'Rule docs are stale: run `npm run docs` (tsc -p . && node scripts/gen-rule-docs.mjs) and commit the result.';

describe('rule docs', () => {
  it('docs/rules and the rules table match the rule metadata', async () => {
    const script = await loadScript();
    const files = script.renderRuleDocs(RULES, script.readReadme(REPO_ROOT));
    const stale: string[] = [];
    for (const [rel, text] of files) {
      const p = path.join(REPO_ROOT, rel);
      if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) stale.push(rel);
    }
    stale.push(...script.staleRulePages(REPO_ROOT, files).map((p) => `${p} (no such rule)`));
    assert.deepEqual(stale, [], `${HOW}\nOut of date: ${stale.join(', ')}`);
  });

  it('gives every rule a page with its description, severity and rationale', async () => {
    const script = await loadScript();
    const files = script.renderRuleDocs(RULES, undefined);
    for (const r of RULES) {
      const page = files.get(`docs/rules/${r.meta.id}.md`);
      assert.ok(page, r.meta.id);
      assert.ok(page.includes(`# ${r.meta.id}`) && page.includes(r.meta.description) && page.includes(r.meta.rationale) && page.includes(`**Default severity:** ${r.meta.defaultSeverity}`));
      if (r.meta.example) assert.ok(page.includes(r.meta.example));
    }
    assert.match(files.get('docs/rules/README.md') ?? '', /\| \[invalid-name\]\(invalid-name\.md\) \| error \|/);
  });

  it('fills the README table between its markers and leaves the rest alone', async () => {
    const script = await loadScript();
    const readme = '# Kubesim\n\nintro\n\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\nmore\n';
    const out = script.renderRuleDocs(RULES, readme).get('README.md') ?? '';
    assert.ok(out.startsWith('# Kubesim\n\nintro\n\n<!-- rules:start -->\n| Rule |'));
    assert.ok(out.endsWith('<!-- rules:end -->\n\nmore\n'));
    assert.ok(!out.includes('old table'));
    assert.ok(out.includes('(docs/rules/selector-mismatch.md)'));
    assert.equal(script.renderRuleDocs(RULES, '# no markers\n').get('README.md'), undefined);
  });
});
