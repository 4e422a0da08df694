import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const DEPLOYMENT = (label: string, port = 8080, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: ${label}
  template:
    metadata:
      labels:
        app: ${label}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0${extra}
          ports:
            - name: http
              containerPort: ${port}
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: http
`;
const CONFIG = (value: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
data:
  LOG_LEVEL: ${value}
`;

function setup(): { ws: Workspace; evals: (uri: string) => number } {
  const ws = new Workspace(testEngine(), undefined, (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
  ws.setFile('file:///dep.yaml', DEPLOYMENT('api'));
  ws.setFile('file:///svc.yaml', SERVICE);
  ws.setFile('file:///cm.yaml', CONFIG('info'));
  for (const u of ws.uris()) ws.diagnostics(u);
  return { ws, evals: (uri) => ws.ruleEvaluations.get(uri) ?? 0 };
}

const ids = (ws: Workspace, uri: string): string[] => ws.diagnostics(uri).map((d) => d.ruleId).filter((id) => id.startsWith('service-'));

test('diagnostics are cached: asking again evaluates no rule', () => {
  const { ws, evals } = setup();
  const before = ['file:///dep.yaml', 'file:///svc.yaml', 'file:///cm.yaml'].map(evals);
  for (const u of ws.uris()) ws.diagnostics(u);
  assert.deepEqual(['file:///dep.yaml', 'file:///svc.yaml', 'file:///cm.yaml'].map(evals), before);
});

test('changing pod labels re-checks the Service that selects them, and nothing else', () => {
  const { ws, evals } = setup();
  const svcBefore = evals('file:///svc.yaml');
  const cmBefore = evals('file:///cm.yaml');
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), []);
  ws.setFile('file:///dep.yaml', DEPLOYMENT('apl'));
  assert.deepEqual(ws.affectedBy('file:///dep.yaml').sort(), ['file:///dep.yaml', 'file:///svc.yaml']);
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), ['service-selector-no-match']);
  ws.diagnostics('file:///cm.yaml');
  assert.ok(evals('file:///svc.yaml') > svcBefore);
  assert.equal(evals('file:///cm.yaml'), cmBefore);
});

test('changing a container port re-checks the Service (targetPort facts)', () => {
  const { ws } = setup();
  ws.setFile('file:///dep.yaml', DEPLOYMENT('api', 9090).replace('name: http', 'name: web'));
  assert.ok(ws.affectedBy('file:///dep.yaml').includes('file:///svc.yaml'));
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), ['service-target-port-mismatch']);
});

test('an edit that changes no reference-relevant fact re-checks only the edited file', () => {
  const { ws, evals } = setup();
  const svcBefore = evals('file:///svc.yaml');
  ws.setFile('file:///dep.yaml', DEPLOYMENT('api', 8080, '\n          imagePullPolicy: IfNotPresent'));
  assert.deepEqual(ws.affectedBy('file:///dep.yaml'), ['file:///dep.yaml']);
  ws.setFile('file:///cm.yaml', CONFIG('debug'));
  assert.deepEqual(ws.affectedBy('file:///cm.yaml'), ['file:///cm.yaml']);
  for (const u of ws.uris()) ws.diagnostics(u);
  assert.equal(evals('file:///svc.yaml'), svcBefore);
});

test('related locations follow the other file when it moves without changing facts', () => {
  const { ws } = setup();
  ws.setFile('file:///dep.yaml', DEPLOYMENT('apl'));
  const first = ws.diagnostics('file:///svc.yaml').find((d) => d.ruleId === 'service-selector-no-match');
  assert.ok(first?.related?.length);
  const shifted = '# a comment line that moves every offset\n' + DEPLOYMENT('apl');
  ws.setFile('file:///dep.yaml', shifted);
  assert.deepEqual(ws.affectedBy('file:///dep.yaml'), ['file:///dep.yaml']);
  const again = ws.diagnostics('file:///svc.yaml').find((d) => d.ruleId === 'service-selector-no-match');
  const r = again?.related?.[0];
  assert.ok(r);
  assert.equal(shifted.slice(r.span.start, r.span.end).trim(), 'app: apl');
});

test('removing and adding the other side re-checks the reader', () => {
  const { ws } = setup();
  // Another workload keeps the namespace's pods in the workspace, so the Service is still judged.
  ws.setFile('file:///worker.yaml', DEPLOYMENT('worker').replace('name: api\n', 'name: worker\n'));
  ws.diagnostics('file:///svc.yaml'); // the door republishes what affectedBy named
  ws.removeFile('file:///dep.yaml');
  assert.deepEqual(ws.affectedBy('file:///dep.yaml'), ['file:///svc.yaml']);
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), ['service-selector-no-match']);
  ws.setFile('file:///dep2.yaml', DEPLOYMENT('api'));
  assert.deepEqual(ws.affectedBy('file:///dep2.yaml').sort(), ['file:///dep2.yaml', 'file:///svc.yaml']);
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), []);
});

test('a duplicate in a new file re-checks the first definition', () => {
  const { ws } = setup();
  ws.setFile('file:///cm-copy.yaml', CONFIG('warn'));
  assert.deepEqual(ws.affectedBy('file:///cm-copy.yaml').sort(), ['file:///cm-copy.yaml', 'file:///cm.yaml']);
  assert.deepEqual(ws.diagnostics('file:///cm.yaml').map((d) => d.ruleId), ['duplicate-object']);
});

test('rules set to off do not run', () => {
  const ws = new Workspace(testEngine(), { k8sVersion: '1.30', defaultNamespace: 'default', rules: { 'service-selector-no-match': 'off' } });
  ws.setFile('file:///dep.yaml', DEPLOYMENT('apl'));
  ws.setFile('file:///svc.yaml', SERVICE);
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), []);
});

test('the default namespace setting decides where unnamespaced objects live', () => {
  const ws = new Workspace(testEngine());
  ws.setFile('file:///dep.yaml', DEPLOYMENT('api').replace('  name: api\n', '  name: api\n  namespace: team-a\n'));
  ws.setFile('file:///svc.yaml', SERVICE);
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), ['service-selector-no-match']);
  ws.setOptions({ k8sVersion: '1.30', defaultNamespace: 'team-a' });
  assert.deepEqual(ids(ws, 'file:///svc.yaml'), []);
});

test('a Service that becomes headless re-checks the StatefulSet it governs', () => {
  const ws = new Workspace(testEngine(), undefined, (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
  const svc = (clusterIP: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: ${clusterIP}\n  selector:\n    app: db\n  ports:\n    - port: 5432\n`;
  ws.setFile('file:///svc.yaml', svc('10.96.0.10'));
  ws.setFile(
    'file:///sts.yaml',
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: registry.example.com/db:1.0\n',
  );
  assert.deepEqual(ws.diagnostics('file:///sts.yaml').map((d) => d.ruleId), ['statefulset-headless-service']);
  ws.setFile('file:///svc.yaml', svc('None'));
  assert.ok(ws.affectedBy('file:///svc.yaml').includes('file:///sts.yaml'));
  assert.deepEqual(ws.diagnostics('file:///sts.yaml'), []);
});
