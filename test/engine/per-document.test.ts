import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { RULES } from '../../server/src/engine/rules/registry';
import type { Rule } from '../../server/src/engine/rules/types';
import { Workspace } from '../../server/src/engine/workspace';
import { simulateSources } from '../../server/src/simulator/index';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { loadPrecompiledValidators } from '../../server/src/node/validators';

/**
 * Issue 6: an edit re-checks only the `---` document it touched, and the
 * cached results of the other documents land at their new places.
 */
const CM = (name: string, value: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  mode: ${value}\n`;
const BROKEN = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  prots: [{port: 80}]\n';
const DEPLOY = (label: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: ${label}}\n  template:\n    metadata:\n      labels: {app: ${label}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n`;
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

/** An engine of its own whose resource rules count the objects they see. */
function countingEngine(): { engine: Engine; seen: () => number } {
  const engine = new Engine(loadSchemaBundle(), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }, loadPrecompiledValidators());
  let seen = 0;
  const counter: Rule = { kind: 'resource', meta: { ...RULES[0].meta, id: 'test-counter' }, check: () => void seen++ };
  engine.rules = [...RULES, counter];
  return { engine, seen: () => seen };
}

/** What each diagnostic points at, so results are compared by meaning, not by object identity. */
const described = (text: string, ds: Diagnostic[]): string[] =>
  ds.map((d) => `${d.ruleId} "${text.slice(d.span.start, d.span.end)}" ${d.fixes?.map((f) => f.edits.map((e) => `[${text.slice(e.span.start, e.span.end)}→${e.newText}]`).join('')).join(' ') ?? ''} ${d.related?.map((r) => `(${text.slice(r.span.start, r.span.end)})`).join('') ?? ''}`);

describe('per-document checking', () => {
  it('re-runs the per-object rules only on the edited document, and moves the others\' diagnostics', () => {
    const { engine, seen } = countingEngine();
    const before = [CM('a', 'fast'), CM('b', 'slow'), BROKEN].join('---\n');
    engine.checkFile(engine.parse('file:///f.yaml', before));
    assert.equal(seen(), 3);
    // The edit makes document 2 longer, so document 3's diagnostic and its fix move.
    const after = [CM('a', 'fast'), CM('b', 'much-much-slower'), BROKEN].join('---\n');
    const got = engine.checkFile(engine.parse('file:///f.yaml', after));
    assert.equal(seen(), 4, 'only the edited document was checked again');
    const fresh = countingEngine().engine;
    const expected = fresh.checkFile(fresh.parse('file:///f.yaml', after));
    assert.deepEqual(described(after, got), described(after, expected));
    assert.deepEqual(described(after, got), ['schema-unknown-field "prots" [prots→ports] ']);
  });

  it('re-runs workspace rules only for the objects of the edited document, and keeps cross-file results right', () => {
    const { engine } = countingEngine();
    const ws = new Workspace(engine);
    const uri = 'file:///all.yaml';
    const text = [CM('a', 'fast'), DEPLOY('api'), SVC].join('---\n');
    ws.setFile(uri, text);
    const first = ws.diagnostics(uri);
    assert.deepEqual(first.map((d) => d.ruleId), ['service-selector-no-match']);
    const evaluations = ws.ruleEvaluations.get(uri)!;
    const rulesPerObject = evaluations / 3;

    // Editing the ConfigMap's value changes no fact another object reads: one object is re-checked.
    const edited = [CM('a', 'a-much-longer-value'), DEPLOY('api'), SVC].join('---\n');
    ws.setFile(uri, edited);
    const again = ws.diagnostics(uri);
    assert.equal(ws.ruleEvaluations.get(uri)! - evaluations, rulesPerObject);
    const fresh = new Workspace(countingEngine().engine);
    fresh.setFile(uri, edited);
    assert.deepEqual(described(edited, again), described(edited, fresh.diagnostics(uri)));

    // Fixing the labels changes the pods fact the Service reads: the Service is re-checked and its warning goes.
    const fixed = [CM('a', 'a-much-longer-value'), DEPLOY('web'), SVC].join('---\n');
    ws.setFile(uri, fixed);
    assert.deepEqual(ws.diagnostics(uri), []);
  });

  it('keeps two identical documents of one file apart', () => {
    const ws = new Workspace(countingEngine().engine);
    const uri = 'file:///dup.yaml';
    const text = [CM('same', 'x'), CM('same', 'x')].join('---\n');
    ws.setFile(uri, text);
    const ds = ws.diagnostics(uri).filter((d) => d.ruleId === 'duplicate-object');
    assert.equal(ds.length, 2);
    // Each points at the other definition, not at itself.
    const second = text.lastIndexOf('same');
    assert.deepEqual(ds.map((d) => [d.span.start < second, d.related?.[0]?.span.start === second]), [[true, true], [false, false]]);
  });
  it('keeps a document\'s results for the workspace and for the simulator side by side', () => {
    // The language server checks a document with the workspace's options, and a simulation checks it
    // again with the apiserver's: neither may evict the other, or every simulation re-checks everything.
    const { engine, seen } = countingEngine();
    const text = [CM('a', 'fast'), DEPLOY('web'), SVC].join('---\n');
    const workspaceOptions = { k8sVersion: '1.30', defaultNamespace: 'default', rules: {} };
    engine.checkFile(engine.parse('file:///app.yaml', text), workspaceOptions);
    assert.equal(seen(), 3);
    const first = simulateSources(engine, [{ source: 'app.yaml', text }]);
    assert.equal(seen(), 6, 'the simulator checks under its own options once');
    engine.checkFile(engine.parse('file:///app.yaml', text), workspaceOptions);
    const second = simulateSources(engine, [{ source: 'app.yaml', text }]);
    assert.equal(seen(), 6, 'both results were kept');
    assert.deepEqual(second, first);
    // A third set of options evicts the older of the two.
    engine.checkFile(engine.parse('file:///app.yaml', text), { ...workspaceOptions });
    assert.equal(seen(), 9);
    simulateSources(engine, [{ source: 'app.yaml', text }]);
    assert.equal(seen(), 9, 'the simulation\'s results were the newer');
    engine.checkFile(engine.parse('file:///app.yaml', text), workspaceOptions);
    assert.equal(seen(), 12, 'the first options\' results were dropped');
  });
  it('runs only the rules that can reject an object when it checks for the simulator', () => {
    // An editor's engine runs every rule for the workspace; the apiserver only rejects on errors, and no rule
    // raises a finding above its default severity, so the advice rules would be run and dropped.
    const engine = new Engine(loadSchemaBundle(), (id, e) => {
      throw new Error(`rule ${id} threw: ${String(e)}`);
    }, loadPrecompiledValidators());
    const seen: Record<string, number> = { error: 0, warning: 0 };
    const counting = (severity: 'error' | 'warning'): Rule => ({ kind: 'resource', meta: { ...RULES[0].meta, id: `test-${severity}`, defaultSeverity: severity }, check: () => void seen[severity]++ });
    engine.rules = [...RULES, counting('error'), counting('warning')];
    const text = [CM('a', 'fast'), DEPLOY('web'), BROKEN].join('---\n');
    const result = simulateSources(engine, [{ source: 'app.yaml', text }]);
    assert.deepEqual(seen, { error: 3, warning: 0 });
    // The same simulation as from an engine that has only those rules (the CLI's).
    const cli = new Engine(loadSchemaBundle(), () => {}, loadPrecompiledValidators(), null);
    cli.rules = RULES.filter((r) => r.meta.defaultSeverity === 'error');
    assert.deepEqual(result, simulateSources(cli, [{ source: 'app.yaml', text }]));
    assert.ok(result.apply.some((a) => a.result === 'rejected'), 'the broken Service is rejected');
  });
});
