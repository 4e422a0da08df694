import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterFromManifests, simulateSources } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';

const app = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: "nginx:1.25", resources: {requests: {cpu: "1500m"}}}]
`;

describe('the simulated cluster', () => {
  it('quick settings: N workers of the given size replace the default nodes', () => {
    const r = simulateSources(testEngine(), [{ source: 'a.yaml', text: app }], { nodes: { count: 2, cpu: '2', memory: '4Gi' } });
    const nodes = r.objects.filter((o) => o.kind === 'Node');
    assert.deepEqual(nodes.map((n) => n.metadata.name), ['control-plane', 'node-1', 'node-2']);
    assert.deepEqual((nodes[1].status as { allocatable: unknown }).allocatable, { cpu: '2', 'ephemeral-storage': '100Gi', memory: '4Gi', pods: '110' });
    // 1.5 CPU each on 2-CPU workers: one pod per worker, two stay Pending with Insufficient cpu.
    const pods = r.objects.filter((o) => o.kind === 'Pod');
    assert.equal(pods.filter((p) => (p.spec as { nodeName?: string }).nodeName).length, 2);
    assert.ok(r.events.some((e) => e.reason === 'FailedScheduling' && /2 Insufficient cpu/.test(e.message)));
    // Each node has its own pod CIDR.
    assert.deepEqual(nodes.map((n) => (n.spec as { podCIDR: string }).podCIDR), ['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
  });

  it('takes Namespaces from the cluster description, so namespaced manifests apply', () => {
    const text = app.replace('metadata: {name: web}', 'metadata: {name: web, namespace: shop}');
    const without = simulateSources(testEngine(), [{ source: 'a.yaml', text }]);
    assert.equal(without.apply[0].result, 'rejected');
    const { cluster, problems } = clusterFromManifests([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }]);
    assert.deepEqual(problems, []);
    const r = simulateSources(testEngine(), [{ source: 'a.yaml', text }], { cluster });
    assert.equal(r.apply[0].result, 'created');
    // The namespace gets its default ServiceAccount, so the pods can be created.
    assert.equal(r.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'shop').length, 4);
    // Nodes were not described, so the default ones stay.
    assert.equal(r.objects.filter((o) => o.kind === 'Node').length, 4);
  });

  it('reports what does not belong in a cluster description', () => {
    const { problems } = clusterFromManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
      { apiVersion: 'v1', kind: 'Node', metadata: {} },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' } },
    ]);
    assert.deepEqual(problems, [
      'ConfigMap "x" is not part of a cluster description (Node, StorageClass, PersistentVolume or Namespace)',
      'a Node without metadata.name',
      'Node "a" is described twice',
    ]);
  });
});
