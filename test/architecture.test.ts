import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from './helpers/paths';

/**
 * The engine and the simulator run anywhere (language server, CLI, a browser
 * one day): no editor API, no I/O. The doors (lsp/, cli/, node/) do that.
 */
const FORBIDDEN = [/^vscode$/, /^vscode-languageserver/, /^vscode-languageclient/, /^vscode-jsonrpc/, /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|tls)$/];

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier: import/export … from, import(), require(), import x = require(). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

describe('architecture', () => {
  it('finds imports in every form the code may use (so the checks below can fail)', () => {
    const src = "import fs from 'node:fs';\nimport type { X } from \"vscode\";\nexport * from 'net';\nconst cp = require('child_process');\nvoid import('worker_threads');\nimport 'http';\n";
    assert.deepEqual(importsOf(src).sort(), ['child_process', 'http', 'net', 'node:fs', 'vscode', 'worker_threads']);
    for (const m of importsOf(src)) assert.ok(FORBIDDEN.some((r) => r.test(m)), m);
    assert.ok(!FORBIDDEN.some((r) => r.test('yaml')) && !FORBIDDEN.some((r) => r.test('./fsLike')));
  });

  it('the engine and the simulator import no editor API and do no I/O', () => {
    const files = [...tsFiles(path.join(REPO_ROOT, 'server', 'src', 'engine')), ...tsFiles(path.join(REPO_ROOT, 'server', 'src', 'simulator'))];
    assert.ok(files.length > 10, 'engine sources not found');
    const offences: string[] = [];
    for (const f of files) {
      for (const m of importsOf(fs.readFileSync(f, 'utf8'))) {
        if (FORBIDDEN.some((r) => r.test(m))) offences.push(`${path.relative(REPO_ROOT, f)} imports ${m}`);
        // Reaching out of the engine into a door is the same leak by another road.
        const door = m.startsWith('.') ? path.relative(path.join(REPO_ROOT, 'server', 'src'), path.resolve(path.dirname(f), m)).split(path.sep)[0] : '';
        if (['lsp', 'cli', 'node'].includes(door)) offences.push(`${path.relative(REPO_ROOT, f)} imports the door ${m}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('the VS Code client never imports the engine (it only talks LSP)', () => {
    const engine = path.join(REPO_ROOT, 'server', 'src', 'engine');
    const offences: string[] = [];
    for (const f of tsFiles(path.join(REPO_ROOT, 'client'))) {
      for (const m of importsOf(fs.readFileSync(f, 'utf8'))) {
        const target = m.startsWith('.') ? path.resolve(path.dirname(f), m) : m;
        if (target.startsWith(engine) || /server\/src\/engine/.test(m)) offences.push(`${path.relative(REPO_ROOT, f)} imports ${m}`);
      }
    }
    assert.deepEqual(offences, []);
  });
});
