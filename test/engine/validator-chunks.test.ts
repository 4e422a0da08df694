import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, Engine } from '../../server/src/engine/check';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';
import { parseHeader } from '../rules/annotations';
import { fromRoot, SHARED } from '../helpers/paths';

const CORPUS = path.join(SHARED, 'corpus');
const CHUNKS = fromRoot('schemas', 'generated', 'validators');
const index = (): Record<string, { file: string; export: string }> => JSON.parse(fs.readFileSync(path.join(CHUNKS, 'index.json'), 'utf8')).kinds;

/** A chunk and every chunk it requires, read from the files. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of fs.readFileSync(path.join(CHUNKS, file), 'utf8').matchAll(/require\("\.\/([\w.-]+\.js)"\)/g)) closure(m[1], seen);
  return seen;
}

/** Checks `text` in a fresh process with the door's validators; returns the chunk files that process loaded. */
function chunksLoadedChecking(text: string): string[] {
  const out = (p: string): string => JSON.stringify(fromRoot('out', 'server', 'src', p));
  const script = `
    const { Engine, DEFAULT_SETTINGS } = require(${out('engine/check.js')});
    const { loadSchemaBundle } = require(${out('node/schemaBundle.js')});
    const { loadPrecompiledValidators } = require(${out('node/validators.js')});
    const engine = new Engine(loadSchemaBundle(), (_id, e) => { throw e; }, loadPrecompiledValidators());
    const diags = engine.checkFile(engine.parse('file:///one-kind.yaml', ${JSON.stringify(text)}), DEFAULT_SETTINGS);
    const dir = ${JSON.stringify(CHUNKS + path.sep)};
    console.log(JSON.stringify({ diags: diags.map((d) => d.ruleId), loaded: Object.keys(require.cache).filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length)) }));
  `;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { diags: string[]; loaded: string[] };
  assert.deepEqual(result.diags, ['schema-unknown-field'], 'the file was validated');
  return result.loaded.sort();
}

describe('precompiled validators in chunks per kind', () => {
  it('has a validator for every kind of the bundle', () => {
    const kinds = index();
    assert.deepEqual(Object.keys(kinds).sort(), Object.keys(loadSchemaBundle().kinds).sort());
    const validators = loadPrecompiledValidators()!;
    for (const kind of Object.keys(kinds)) assert.equal(typeof validators[kind], 'function', kind);
  });

  it('loads only the chunks of the kinds a file holds', () => {
    const kinds = index();
    const loaded = chunksLoadedChecking('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  prots: [{port: 80}]\n');
    assert.deepEqual(loaded, [...closure(kinds['v1:Service'].file)].sort());
    assert.ok(!loaded.includes(kinds['apps/v1:Deployment'].file), "a Service never loads the Deployment's chunk");
    const all = fs.readdirSync(CHUNKS).filter((f) => f.endsWith('.js'));
    assert.ok(loaded.length < all.length / 4, `${loaded.length} of ${all.length} chunks`);
  });

  const chunked = (): Engine => new Engine(loadSchemaBundle(), (_id, e) => {
    throw e;
  }, loadPrecompiledValidators());
  const compiled = (): Engine => new Engine(loadSchemaBundle(), (_id, e) => {
    throw e;
  });

  it('gives the same diagnostics on every rule fixture as validators compiled at run time', () => {
    const [a, b] = [chunked(), compiled()];
    const fixtures = fromRoot('test', 'rules', 'fixtures');
    let schemaFindings = 0;
    for (const dir of fs.readdirSync(fixtures).sort()) {
      for (const file of fs.readdirSync(path.join(fixtures, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
        const full = path.join(fixtures, dir, file);
        const text = fs.readFileSync(full, 'utf8');
        const header = parseHeader(text);
        const options = { ...DEFAULT_SETTINGS, ...(header.k8sVersion ? { k8sVersion: header.k8sVersion } : {}) };
        const uri = pathToFileURL(full).href;
        const got = a.checkFile(a.parse(uri, text), options);
        assert.deepEqual(got, b.checkFile(b.parse(uri, text), options), `${dir}/${file}`);
        schemaFindings += got.filter((d) => d.ruleId.startsWith('schema-')).length;
      }
    }
    assert.ok(schemaFindings > 0, 'the fixtures exercise the validators');
  });

  it('gives the same diagnostics on the real-world corpus as validators compiled at run time', { skip: fs.existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, () => {
    const [a, b] = [chunked(), compiled()];
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(e.name)) files.push(full);
      }
    };
    walk(CORPUS);
    let schemaFindings = 0;
    for (const full of files) {
      const text = fs.readFileSync(full, 'utf8');
      const uri = pathToFileURL(full).href;
      const got = a.checkFile(a.parse(uri, text), DEFAULT_SETTINGS);
      assert.deepEqual(got, b.checkFile(b.parse(uri, text), DEFAULT_SETTINGS), path.relative(CORPUS, full));
      schemaFindings += got.filter((d) => d.ruleId.startsWith('schema-')).length;
    }
    assert.ok(schemaFindings > 20, `the corpus exercises the validators (${schemaFindings} schema findings)`);
  });
});
