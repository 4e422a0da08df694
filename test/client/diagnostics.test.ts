import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { simulationDiagnostics } from '../../client/src/model/diagnostics';
import { fromRoot } from '../helpers/paths';
import { deployment, simulateYaml } from './simulation';

describe('simulation diagnostics', () => {
  it('puts one warning per workload and reason on the manifest name: pods that would stay Pending', () => {
    const text = deployment('big', { replicas: 3, cpu: '8' });
    const d = simulationDiagnostics(simulateYaml({ 'big.yaml': text }));
    assert.equal(d.length, 1);
    assert.equal(d[0].uri, 'file:///ws/big.yaml');
    assert.equal(d[0].severity, 'warning');
    assert.match(d[0].message, /^3 pods of deployment\/big would stay Pending: 0\/4 nodes are available: 1 node\(s\) had untolerated taint .*, 3 Insufficient cpu$/);
    assert.deepEqual(d[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
  });

  it('reports Warning events of manifest objects, such as a claim whose StorageClass does not exist', () => {
    const d = simulationDiagnostics(simulateYaml({ 'pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: nope\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n' }));
    assert.deepEqual(d.map((x) => x.message), ['persistentvolumeclaim/data: ProvisioningFailed: storageclass.storage.k8s.io "nope" not found']);
  });

  it('does not repeat what the static rules already say (a missing ConfigMap)', () => {
    const app = deployment('web', { replicas: 1, extra: '' }).replace('          resources:', '          envFrom: [{configMapRef: {name: missing}}]\n          resources:');
    const r = simulateYaml({ 'web.yaml': app });
    assert.ok(r.objects.some((o) => o.kind === 'Pod' && JSON.stringify(o.status).includes('CreateContainerConfigError')));
    assert.deepEqual(simulationDiagnostics(r), []);
  });

  it('gives the example app no simulation warnings', () => {
    const dir = fromRoot('examples', 'webapp');
    const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, fs.readFileSync(`${dir}/${f}`, 'utf8')]));
    const r = simulateYaml(files);
    assert.deepEqual(simulationDiagnostics(r), []);
    assert.ok(r.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'shop').every((p) => (p.status as { phase?: string }).phase === 'Running'));
    assert.ok(r.objects.filter((o) => o.kind === 'PersistentVolumeClaim').every((p) => (p.status as { phase?: string }).phase === 'Bound'));
    assert.ok(r.apply.every((a) => a.result === 'created'));
  });
});
