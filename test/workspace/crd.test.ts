import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/check';
import { Workspace } from '../../server/src/engine/workspace';
import { loadSchemaBundle } from '../../server/src/node/schemaBundle';
import { testEngine } from '../helpers/engine';

const CRD = (kind: string, fields: string, extra = ''): string => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.example.com
spec:
  group: example.com
  scope: Namespaced
  names:
    plural: ${kind.toLowerCase()}s
    kind: ${kind}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
${fields}${extra}
`;
const FIELD = (name: string, type: string): string => `                ${name}:\n                  type: ${type}\n`;
const CR = (kind: string, name: string, body: string): string => `apiVersion: example.com/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
${body}`;

const strict = (engine = testEngine()): Workspace =>
  new Workspace(engine, undefined, (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
const ids = (ws: Workspace, uri: string): string[] => ws.diagnostics(uri).map((d) => d.ruleId);

test('editing the CRD re-checks the custom resources of other files, and only them', () => {
  const ws = strict();
  ws.setFile('file:///crd.yaml', CRD('Backup', FIELD('schedule', 'string')));
  ws.setFile('file:///cr.yaml', CR('Backup', 'nightly', '  schedule: "@daily"\n  retention: 7\n'));
  ws.setFile('file:///cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  a: b\n');
  for (const u of ws.uris()) ws.diagnostics(u);
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-unknown-field']);
  const cmBefore = ws.ruleEvaluations.get('file:///cm.yaml');

  ws.setFile('file:///crd.yaml', CRD('Backup', FIELD('schedule', 'string') + FIELD('retention', 'integer')));
  assert.deepEqual(ws.affectedBy('file:///crd.yaml').sort(), ['file:///cr.yaml', 'file:///crd.yaml']);
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), []);

  ws.setFile('file:///crd.yaml', CRD('Backup', FIELD('schedule', 'string') + FIELD('retention', 'string')));
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-type']);
  ws.diagnostics('file:///cm.yaml');
  assert.equal(ws.ruleEvaluations.get('file:///cm.yaml'), cmBefore);
});

test('a comment in the CRD file does not re-check its custom resources', () => {
  const ws = strict();
  const crd = CRD('Backup', FIELD('schedule', 'string'));
  ws.setFile('file:///crd.yaml', crd);
  ws.setFile('file:///cr.yaml', CR('Backup', 'nightly', '  schedule: 3\n'));
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-type']);
  const before = ws.ruleEvaluations.get('file:///cr.yaml');
  ws.setFile('file:///crd.yaml', '# the backup CRD\n' + crd);
  assert.deepEqual(ws.affectedBy('file:///crd.yaml'), ['file:///crd.yaml']);
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-type']);
  assert.equal(ws.ruleEvaluations.get('file:///cr.yaml'), before);
});

test('removing the CRD turns schema errors into the unknown-kind advice; adding it back restores them', () => {
  const ws = strict();
  ws.setFile('file:///crd.yaml', CRD('Backup', FIELD('schedule', 'string')));
  ws.setFile('file:///cr.yaml', CR('Backup', 'nightly', '  schedual: "@daily"\n'));
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-unknown-field']);
  const d = ws.diagnostics('file:///cr.yaml')[0];
  assert.match(d.message, /Did you mean "schedule"\?/);
  assert.equal(d.related?.[0]?.uri, 'file:///crd.yaml');
  ws.removeFile('file:///crd.yaml');
  assert.deepEqual(ws.affectedBy('file:///crd.yaml'), ['file:///cr.yaml']);
  assert.deepEqual(ws.diagnostics('file:///cr.yaml').map((x) => `${x.severity} ${x.ruleId}`), ['info unknown-kind']);
  ws.setFile('file:///crd2.yaml', CRD('Backup', FIELD('schedule', 'string')));
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), ['schema-unknown-field']);
});

test('each CRD schema is compiled once: 50 CRDs and 1000 custom resources, then edits', () => {
  const engine = new Engine(loadSchemaBundle());
  const ws = new Workspace(engine);
  const kinds = Array.from({ length: 50 }, (_, i) => `Thing${i}`);
  kinds.forEach((k, i) => ws.setFile(`file:///crds/${k}.yaml`, CRD(k, FIELD('size', 'integer') + FIELD(`field${i}`, 'string'))));
  for (let f = 0; f < 100; f++) {
    const docs = Array.from({ length: 10 }, (_, j) => CR(kinds[(f + j) % 50], `obj-${f}-${j}`, `  size: ${j}\n`));
    ws.setFile(`file:///crs/${f}.yaml`, docs.join('---\n'));
  }
  for (const u of ws.uris()) assert.deepEqual(ws.diagnostics(u).filter((d) => d.severity === 'error'), [], u);
  assert.equal(engine.crdSchemas.compilations, 50);

  // A keystroke in a custom resource compiles nothing.
  ws.setFile('file:///crs/0.yaml', CR(kinds[0], 'obj-0-0', '  size: "x"\n'));
  assert.deepEqual(ids(ws, 'file:///crs/0.yaml'), ['schema-type']);
  assert.equal(engine.crdSchemas.compilations, 50);

  // Editing one CRD compiles one schema and re-checks only the files holding its kind.
  ws.setFile('file:///crds/Thing7.yaml', CRD('Thing7', FIELD('size', 'string')));
  const affected = ws.affectedBy('file:///crds/Thing7.yaml');
  // The CRD and the files with a Thing7: each file holds ten consecutive kinds, so twenty did, less crs/0.yaml, rewritten above.
  assert.equal(affected.length, 1 + 19);
  for (const u of ws.uris()) ws.diagnostics(u);
  assert.equal(engine.crdSchemas.compilations, 51);
  assert.ok(affected.every((u) => u === 'file:///crds/Thing7.yaml' || ids(ws, u).includes('schema-type')));
});

test('a CRD schema ajv cannot compile gives a finding on the CRD, never a crash', () => {
  const ws = strict();
  const broken = CRD('Backup', '                size:\n                  type: integer\n                  enum: not-a-list\n');
  ws.setFile('file:///crd.yaml', broken);
  ws.setFile('file:///cr.yaml', CR('Backup', 'nightly', '  size: 3\n'));
  const onCrd = ws.diagnostics('file:///crd.yaml').map((d) => `${d.severity} ${d.ruleId}`);
  assert.ok(onCrd.includes('info crd-invalid'), onCrd.join(', '));
  assert.deepEqual(ids(ws, 'file:///cr.yaml'), []);
});

test('malformed CRDs never throw', () => {
  const ws = strict();
  const shapes = ['properties: []', 'properties: {spec: 3}', 'items: [1, 2]', 'type: [object]', 'required: 5', 'pattern: "("', 'x-kubernetes-preserve-unknown-fields: false', 'allOf: {a: 1}', 'not: []'];
  shapes.forEach((s, i) => {
    const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\nspec:\n  group: example.com\n  names: {plural: things, kind: Thing}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          ${s}\n`;
    ws.setFile(`file:///crd${i}.yaml`, crd);
    ws.setFile('file:///cr.yaml', CR('Thing', 'a', '  x: 1\n'));
    for (const u of ws.uris()) for (const d of ws.diagnostics(u)) assert.notEqual(d.ruleId, 'internal-error', `${s}: ${d.message}`);
    ws.removeFile(`file:///crd${i}.yaml`);
  });
});
