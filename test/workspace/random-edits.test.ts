import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { Workspace } from '../../server/src/engine/workspace';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';
import { REPO_ROOT } from '../helpers/paths';

/**
 * Issue 6: every cache on the edit path (re-cut documents, parsed documents,
 * per-document diagnostics, per-document index facts, per-object workspace
 * results) must give what a fresh workspace gives. Seeded random edits over
 * the cross-file fixtures, each step compared with checking from scratch.
 */
const FIXTURES = path.join(REPO_ROOT, 'test', 'workspace', 'fixtures');
const RULE_FOLDERS = ['service-selector-no-match', 'service-target-port-mismatch', 'configmap-ref-missing', 'duplicate-object', 'ingress-backend-missing-service', 'pvc-storage-class-missing'];

/** Each fixture case is a workspace of its own (cases of one rule reuse names, and which duplicate a rule picks is order, not staleness). */
function cases(): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const f of RULE_FOLDERS) {
    const dir = path.join(FIXTURES, f);
    if (!fs.existsSync(dir)) continue;
    for (const c of fs.readdirSync(dir).sort()) if (fs.statSync(path.join(dir, c)).isDirectory()) out.push(files(path.join(dir, c)));
  }
  return out;
}

function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.set(`file://${p}`, fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** One edit a user might make: change a value to another value of the workspace, drop or copy a line, split or join documents. */
function edit(r: () => number, text: string, values: string[]): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const pick = r();
  if (pick < 0.45) {
    const m = /^(\s*(?:- )?[\w.-]+: )(.+)$/.exec(lines[i]);
    if (m) lines[i] = m[1] + values[Math.floor(r() * values.length)];
  } else if (pick < 0.6) lines.splice(i, 1);
  else if (pick < 0.75) lines.splice(i, 0, lines[i]);
  else if (pick < 0.85) lines.splice(i, 0, '---');
  else if (pick < 0.95) {
    const j = lines.indexOf('---', i);
    if (j >= 0) lines.splice(j, 1);
  } else lines.splice(i, 0, 'x: [');
  return lines.join('\n');
}

const bundle = loadSchemaBundle();
const precompiled = loadPrecompiledValidators();
const newEngine = (): Engine => new Engine(bundle, (id, e) => {
  throw new Error(`rule ${id} threw: ${String(e)}`);
}, precompiled);

/**
 * Related locations, and the candidates a message names, are compared as
 * multisets: a kept result lists them in the index order of when it was
 * computed, and a file set again moves to the end of that order without any
 * fact changing (as before issue 6's caches). Any other difference fails.
 */
const plain = (ds: Diagnostic[]): unknown =>
  ds.map((d) => ({
    ...JSON.parse(JSON.stringify(d)),
    message: d.message.split(/[ ,;]+/).sort().join(' '),
    related: (d.related ?? []).map((r) => JSON.stringify(r)).sort(),
  }));

test('after random edits, every file\'s diagnostics equal a fresh workspace\'s', () => {
  const all = cases();
  assert.ok(all.length > 10, 'the cross-file fixtures are there');
  const values = [...new Set(all.flatMap((c) => [...c.values()]).flatMap((t) => [...t.matchAll(/: ([\w.-]+)$/gm)].map((m) => m[1])))];
  for (const [seed, start] of all.entries()) {
    const r = rng(seed + 1);
    const texts = new Map(start);
    const ws = new Workspace(newEngine());
    for (const [uri, text] of texts) ws.setFile(uri, text);
    for (const uri of texts.keys()) ws.diagnostics(uri);
    const uris = [...texts.keys()];
    for (let step = 0; step < 12; step++) {
      const uri = uris[Math.floor(r() * uris.length)];
      const text = edit(r, texts.get(uri)!, values);
      // The index lists objects in the order files were last set (some messages name candidates in that order): the fresh workspace gets the same order.
      texts.delete(uri);
      texts.set(uri, text);
      ws.setFile(uri, text);
      // Republish only what the workspace says is affected, as the doors do, then compare everything.
      for (const u of ws.affectedBy(uri)) ws.diagnostics(u);
      const fresh = new Workspace(newEngine());
      for (const [u, t] of texts) fresh.setFile(u, t);
      for (const u of uris) assert.deepEqual(plain(ws.diagnostics(u)), plain(fresh.diagnostics(u)), `seed ${seed}, step ${step}: ${u} after editing ${uri}`);
    }
  }
});
