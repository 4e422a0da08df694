import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText, simulateSources } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';

const deployment = (replicas: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: huge}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: huge}}
  template:
    metadata: {labels: {app: huge}}
    spec:
      containers: [{name: c, image: "nginx:1.25"}]
`;

describe('simulator bounds', () => {
  it('caps a Deployment asking for 1e9 replicas and reports the cap', () => {
    const r = simulateSources(testEngine(), [{ source: 'huge.yaml', text: deployment('1000000000') }], { bounds: { maxPodsPerWorkload: 50 } });
    assert.equal(r.apply[0].result, 'created');
    assert.equal(r.objects.filter((o) => o.kind === 'Pod').length, 50);
    // The stored object keeps what the user asked for; only the pods are capped.
    assert.equal((r.objects.find((o) => o.kind === 'Deployment')?.spec as { replicas: number }).replicas, 1000000000);
    assert.deepEqual(r.limits.map((l) => l.reason), ['ReplicasCapped']);
    assert.match(r.limits[0].message, /ReplicaSet default\/huge-\w+ asks for 1000000000 pods; the simulator creates at most 50 per workload/);
    assert.match(formatText(r), /limit \(ReplicasCapped\)/);
  });

  it('uses the default cap without options, and stays within it', () => {
    const r = simulateSources(testEngine(), [{ source: 'huge.yaml', text: deployment('1000000000') }]);
    assert.equal(r.objects.filter((o) => o.kind === 'Pod').length, 1000);
    assert.equal(r.limits[0].reason, 'ReplicasCapped');
  });

  it('stops creating objects at maxObjects and says so', () => {
    const r = simulateSources(testEngine(), [{ source: 'huge.yaml', text: deployment('500') }], { bounds: { maxObjects: 120 } });
    assert.ok(r.objects.length <= 121, `${r.objects.length} objects`);
    assert.ok(r.limits.some((l) => l.reason === 'ObjectsCapped'));
  });

  it('reports an input that does not settle within maxRounds instead of looping', () => {
    // An OrderedReady StatefulSet needs a round per pod; with 2 rounds it cannot finish.
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 5
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: c, image: "postgres:16"}]
`;
    const r = simulateSources(testEngine(), [{ source: 'sts.yaml', text: sts }], { bounds: { maxRounds: 2 } });
    assert.deepEqual(r.limits.map((l) => l.reason), ['NotSettled']);
    assert.ok(r.objects.filter((o) => o.kind === 'Pod').length < 5);
    const settled = simulateSources(testEngine(), [{ source: 'sts.yaml', text: sts }]);
    assert.deepEqual(settled.limits, []);
    assert.equal(settled.objects.filter((o) => o.kind === 'Pod').length, 5);
  });
});
