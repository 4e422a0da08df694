import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example.com/web:1.0
      envFrom:
        - configMapRef:
            name: web-config
`;
const CONFIG = (namespace: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: ${namespace}
data:
  A: b
`;

function workspace(): Workspace {
  return new Workspace(testEngine(), undefined, (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
}
const findings = (ws: Workspace): string[] => ws.diagnostics('file:///pod.yaml').filter((d) => d.ruleId === 'configmap-ref-missing').map((d) => `${d.severity}: ${d.message}`);

test('a reference to an object of another namespace says where it is, and follows that object as files change', () => {
  const ws = workspace();
  ws.setFile('file:///pod.yaml', POD);
  assert.deepEqual(findings(ws), [
    'info: ConfigMap "web-config" is not defined in this workspace, which has no ConfigMaps in namespace "shop" (envFrom of container web). Unless something else creates it, the container fails with CreateContainerConfigError until it exists.',
  ]);

  // Written into the wrong namespace: a warning that points at it.
  ws.setFile('file:///config.yaml', CONFIG('default'));
  assert.ok(ws.affectedBy('file:///config.yaml').includes('file:///pod.yaml'));
  assert.deepEqual(findings(ws), [
    'warning: ConfigMap "web-config" is defined in namespace "default", not in "shop" (envFrom of container web): a pod only sees ConfigMaps of its own namespace, so the container fails with CreateContainerConfigError until it exists.',
  ]);
  const [d] = ws.diagnostics('file:///pod.yaml');
  assert.equal(d.related?.[0]?.uri, 'file:///config.yaml');
  assert.match(d.related?.[0]?.message ?? '', /configmap\/web-config in namespace default/);

  // Two namespaces have it, in any file order: both are named, in order.
  ws.setFile('file:///config-staging.yaml', CONFIG('staging'));
  assert.match(findings(ws)[0], /is defined in namespaces "default", "staging", not in "shop"/);
  assert.equal(ws.diagnostics('file:///pod.yaml')[0].related?.length, 2);

  // Moved into the pod's namespace: resolved.
  ws.removeFile('file:///config-staging.yaml');
  ws.setFile('file:///config.yaml', CONFIG('shop'));
  assert.deepEqual(findings(ws), []);

  ws.removeFile('file:///config.yaml');
  assert.match(findings(ws)[0], /^info: ConfigMap "web-config" is not defined in this workspace/);
});
