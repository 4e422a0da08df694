import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffSimulations, simulateReapply, simulateSources } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';

const app = (image: string, replicas = 2): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: "${image}", ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

describe('re-apply change report', () => {
  it('the same manifests again: everything unchanged, nothing changes', () => {
    const { changes } = simulateReapply(testEngine(), [{ source: 'a.yaml', text: app('nginx:1.24') }], [{ source: 'a.yaml', text: app('nginx:1.24') }]);
    assert.deepEqual(changes.apply.map((a) => a.result), ['unchanged', 'unchanged']);
    assert.deepEqual([changes.added, changes.removed, changes.changed, changes.rollouts, changes.endpoints, changes.rejected, changes.events], [[], [], [], [], [], [], []]);
  });

  it('a scale change is configured without a rollout', () => {
    const { changes } = simulateReapply(testEngine(), [{ source: 'a.yaml', text: app('nginx:1.24') }], [{ source: 'a.yaml', text: app('nginx:1.24', 3) }]);
    assert.deepEqual(changes.apply.map((a) => a.result), ['configured', 'unchanged']);
    assert.deepEqual(changes.rollouts, []);
    assert.equal(changes.added.filter((o) => o.kind === 'Pod').length, 1);
    assert.equal(changes.endpoints.length, 1);
    assert.equal(changes.endpoints[0].after.length, 3);
    assert.ok(changes.events.some((e) => /Scaled up replica set web-\w+ to 3 from 2/.test(e.message)));
  });

  it('a new image rolls out: new ReplicaSet, old one kept at 0, every pod replaced', () => {
    const { before, after, changes } = simulateReapply(testEngine(), [{ source: 'a.yaml', text: app('nginx:1.24') }], [{ source: 'a.yaml', text: app('nginx:1.25') }]);
    assert.equal(changes.rollouts.length, 1);
    const r = changes.rollouts[0];
    assert.equal(r.oldReplicaSets.length, 1);
    assert.equal(r.oldReplicaSets[0].replicas, 0);
    assert.equal(r.podsCreated.length, 2);
    assert.equal(r.podsDeleted.length, 2);
    assert.ok(after.objects.some((o) => o.kind === 'ReplicaSet' && o.metadata.name === r.newReplicaSet));
    // The report is a pure function of two results: recomputing it gives the same answer.
    assert.deepEqual(diffSimulations(before, after, changes.apply), changes);
    // JSON-safe for the editor.
    assert.deepEqual(JSON.parse(JSON.stringify(changes)), changes);
  });

  it('a change the API server refuses is reported as rejected', () => {
    const svc = (port: number): string => `apiVersion: v1
kind: Service
metadata: {name: np}
spec:
  type: NodePort
  ports: [{port: 80, nodePort: ${port}}]
`;
    const { changes } = simulateReapply(testEngine(), [{ source: 's.yaml', text: svc(30080) }, { source: 't.yaml', text: svc(30081).replace('name: np', 'name: other') }], [{ source: 's.yaml', text: svc(30081) }]);
    assert.equal(changes.rejected.length, 1);
    assert.match(changes.rejected[0].message, /spec.ports\[0\].nodePort: Invalid value: 30081: provided port is already allocated/);
  });

  it('every applied object points back at its source document', () => {
    const text = app('nginx:1.24');
    const r = simulateSources(testEngine(), [{ source: 'file:///w/a.yaml', text }]);
    assert.deepEqual(r.apply.map((a) => [a.source, text.slice(a.span?.start, a.span?.end).split('\n')[1]]), [
      ['file:///w/a.yaml', 'kind: Deployment'],
      ['file:///w/a.yaml', 'kind: Service'],
    ]);
  });
});
