import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const PV = (size: string, extra = ''): string => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-data
spec:
  storageClassName: manual
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data${extra}
`;
const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: manual
  volumeName: pv-data
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`;
const CLASS = (name: string, isDefault: boolean): string => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
  annotations:
    storageclass.kubernetes.io/is-default-class: "${isDefault}"
provisioner: example.com/csi
`;
const ids = (ws: Workspace, uri: string): string[] => ws.diagnostics(uri).map((d) => d.ruleId);

test('resizing a PersistentVolume re-checks the claim pre-bound to it in another file', () => {
  const ws = new Workspace(testEngine());
  ws.setFile('file:///pv.yaml', PV('10Gi'));
  ws.setFile('file:///pvc.yaml', PVC);
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), []);
  ws.setFile('file:///pv.yaml', PV('1Gi'));
  assert.deepEqual(ws.affectedBy('file:///pv.yaml').sort(), ['file:///pv.yaml', 'file:///pvc.yaml']);
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), ['pv-claim-mismatch']);
  const d = ws.diagnostics('file:///pvc.yaml')[0];
  assert.match(d.message, /requested PV is too small \(the claim requests 5Gi, the volume has 1Gi\)/);
  assert.equal(d.related?.[0]?.uri, 'file:///pv.yaml');
  // A field the PV controller does not match on changes nothing for the claim.
  ws.setFile('file:///pv.yaml', PV('1Gi', '-moved'));
  assert.deepEqual(ws.affectedBy('file:///pv.yaml'), ['file:///pv.yaml']);
});

test('the default StorageClass decides the class of a claim that names none', () => {
  const ws = new Workspace(testEngine());
  ws.setFile('file:///pv.yaml', PV('10Gi').replace('storageClassName: manual', 'storageClassName: fast'));
  ws.setFile('file:///pvc.yaml', PVC.replace('  storageClassName: manual\n', ''));
  ws.setFile('file:///class.yaml', CLASS('fast', false));
  // With no default class in the workspace, the claim gets the cluster's "standard" and the volume is "fast".
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), ['pv-claim-mismatch']);
  ws.setFile('file:///class.yaml', CLASS('fast', true));
  assert.ok(ws.affectedBy('file:///class.yaml').includes('file:///pvc.yaml'));
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), []);
});

test('adding the missing StorageClass clears the finding', () => {
  const ws = new Workspace(testEngine());
  ws.setFile('file:///pvc.yaml', PVC.replace('manual', 'fast').replace('  volumeName: pv-data\n', ''));
  ws.setFile('file:///other.yaml', CLASS('slow', false));
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), ['pvc-storage-class-missing']);
  ws.setFile('file:///fast.yaml', CLASS('fast', false));
  assert.ok(ws.affectedBy('file:///fast.yaml').includes('file:///pvc.yaml'));
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), []);
});

test('a PersistentVolume that takes the class name (static provisioning) clears the finding', () => {
  const ws = new Workspace(testEngine());
  ws.setFile('file:///pvc.yaml', PVC.replace('  volumeName: pv-data\n', ''));
  ws.setFile('file:///class.yaml', CLASS('slow', false));
  ws.setFile('file:///pv.yaml', PV('10Gi').replace('storageClassName: manual', 'storageClassName: other'));
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), ['pvc-storage-class-missing']);
  ws.setFile('file:///pv.yaml', PV('10Gi'));
  assert.ok(ws.affectedBy('file:///pv.yaml').includes('file:///pvc.yaml'));
  assert.deepEqual(ids(ws, 'file:///pvc.yaml'), []);
});
