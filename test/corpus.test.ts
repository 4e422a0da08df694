import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../server/src/engine/diagnostic';
import { testEngine } from './helpers/engine';
import { SHARED } from './helpers/paths';

/**
 * Real-world manifests (see ../shared/corpus/SOURCES.md): what upstream says is
 * valid must stay quiet, non-Kubernetes YAML and Helm templates must get
 * nothing at all, and kubeconform's invalid fixtures must be caught.
 */
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'INDEX.tsv'));

/**
 * kubeconform fixtures marked invalid that a single-file schema check cannot
 * (and must not) flag, with the reason.
 */
const NOT_SCHEMA_ERRORS: Record<string, string> = {
  // The same object twice. `kubectl apply` accepts it (the second is "configured"/"unchanged"),
  // so it is not an API-server rejection; duplicate objects are a workspace (cross-resource) check.
  'kubeconform-fixtures/fixtures/duplicates.yaml': 'duplicate object',
  'kubeconform-fixtures/fixtures/duplicates-non-namespaced.yaml': 'duplicate object',
  'kubeconform-fixtures/fixtures/duplicates-with-namespace.yaml': 'duplicate object',
  'kubeconform-fixtures/fixtures/duplicates-with-namespace-default.yaml': 'duplicate object',
  // `key: value` with neither apiVersion nor kind cannot be told apart from the non-Kubernetes
  // YAML (values.yaml, CI configs) that must stay silent; kubeconform fails it only because it assumes a manifest.
  'kubeconform-fixtures/fixtures/missing_kind.yaml': 'no apiVersion nor kind',
};

interface Row {
  path: string;
  expected: string;
  note: string;
}

function rows(): Row[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8').split('\n').slice(1);
  return lines.filter((l) => l.trim()).map((l) => {
    const [p, , , expected, note] = l.split('\t');
    return { path: p, expected, note: note ?? '' };
  });
}

const results = new Map<string, Diagnostic[]>();

function diagnosticsOf(rel: string): Diagnostic[] {
  let hit = results.get(rel);
  if (!hit) {
    const e = testEngine();
    const text = fs.readFileSync(path.join(CORPUS, rel), 'utf8').replace(/^\uFEFF/, '');
    hit = e.checkFile(e.parse('file:///corpus/' + rel, text));
    results.set(rel, hit);
  }
  return hit;
}

const show = (rel: string, ds: Diagnostic[]): string => ds.map((d) => `${rel}@${d.span.start} ${d.severity} ${d.ruleId}: ${d.message}`).join('\n');

describe('corpus', { skip: present ? false : `no corpus at ${CORPUS}` }, () => {
  it('indexes the files it promises', () => {
    const all = rows();
    assert.ok(all.length > 250, `only ${all.length} rows in INDEX.tsv`);
    for (const r of all) assert.ok(fs.existsSync(path.join(CORPUS, r.path)), `missing ${r.path}`);
  });

  it('never throws, on any file of the corpus, indexed or not', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ya?ml$/i.test(e.name) ? [path.join(dir, e.name)] : []));
    const files = walk(CORPUS);
    assert.ok(files.length > 250);
    for (const f of files) {
      const ds = diagnosticsOf(path.relative(CORPUS, f));
      // An engine failure surfaces as internal-error instead of a throw; it must not happen either.
      assert.deepEqual(ds.filter((d) => d.ruleId === 'internal-error'), [], f);
    }
  });

  it('gives no error to a file its source says is valid', () => {
    const bad: string[] = [];
    for (const r of rows().filter((x) => x.expected === 'valid')) {
      const errors = diagnosticsOf(r.path).filter((d) => d.severity === 'error');
      if (errors.length) bad.push(show(r.path, errors));
    }
    assert.equal(bad.join('\n'), '');
  });

  it('gives nothing at all to YAML that is not Kubernetes, nor to Helm templates', () => {
    const picked = rows().filter((x) => x.expected === 'not-k8s' || x.expected === 'template');
    assert.ok(picked.some((r) => r.expected === 'template') && picked.some((r) => /\/templates\//.test(r.path)));
    const bad: string[] = [];
    for (const r of picked) {
      const loud = diagnosticsOf(r.path).filter((d) => d.severity === 'error' || d.severity === 'warning');
      if (loud.length) bad.push(show(r.path, loud));
    }
    assert.equal(bad.join('\n'), '');
  });

  it('finds at least one error in each invalid kubeconform fixture', () => {
    const picked = rows().filter((x) => x.expected === 'invalid' && x.path.startsWith('kubeconform-fixtures/'));
    assert.ok(picked.length >= 10);
    const missed = picked.filter((r) => !NOT_SCHEMA_ERRORS[r.path] && !diagnosticsOf(r.path).some((d) => d.severity === 'error')).map((r) => `${r.path} (${r.note})`);
    assert.deepEqual(missed, []);
    // The exemptions must stay real: each names an indexed invalid fixture.
    for (const p of Object.keys(NOT_SCHEMA_ERRORS)) assert.ok(picked.some((r) => r.path === p), `stale exemption ${p}`);
  });

  it('reports the specific mistakes of well-known kubeconform fixtures', () => {
    const ids = (rel: string): string[] => diagnosticsOf(rel).filter((d) => d.severity === 'error').map((d) => d.ruleId);
    assert.ok(ids('kubeconform-fixtures/fixtures/invalid.yaml').includes('schema-type'));
    assert.ok(ids('kubeconform-fixtures/fixtures/extra_property.yaml').includes('schema-unknown-field'));
    assert.ok(ids('kubeconform-fixtures/fixtures/duplicate_property.yaml').includes('yaml-duplicate-key'));
    assert.ok(ids('kubeconform-fixtures/fixtures/missing_apiversion.yaml').includes('schema-required'));
    assert.equal(ids('kubeconform-fixtures/fixtures/multi_invalid_resources.yaml').length, 5);
  });
});
