import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sim } from '../../server/src/simulator/context';
import { QuietObjects } from '../../server/src/simulator/controllers/quiet';
import { simulateReapply } from '../../server/src/simulator/index';
import { defaultConfig } from '../../server/src/simulator/random';
import { newObject } from '../../server/src/simulator/store';
import { testEngine } from '../helpers/engine';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: robot
      containers: [{name: c, image: "nginx:1.25", ports: [{containerPort: 80}]}]
`;
const serviceAccount = `apiVersion: v1
kind: ServiceAccount
metadata: {name: robot}
`;
const service = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;
const barePod = `apiVersion: v1
kind: Pod
metadata: {name: extra, labels: {app: web}}
spec:
  containers: [{name: c, image: "nginx:1.25"}]
`;

describe('controller dirty sets', () => {
  it('skips an object only while its fingerprint and the last sync say nothing changed', () => {
    const sim = new Sim(defaultConfig(1));
    const obj = sim.store.create(newObject('v1', 'ConfigMap', { name: 'x', namespace: 'default' }));
    const quiet = new QuietObjects();
    let runs = 0;
    const idle = (): void => void runs++;
    quiet.run(sim, obj, 'a', idle);
    quiet.run(sim, obj, 'a', idle);
    assert.equal(runs, 1, 'a sync that changed nothing is not repeated for the same fingerprint');
    quiet.run(sim, obj, 'b', idle);
    assert.equal(runs, 2, 'a new fingerprint runs again');
    const writing = (): void => {
      runs++;
      sim.store.update(obj);
    };
    quiet.run(sim, obj, 'c', writing);
    quiet.run(sim, obj, 'c', idle);
    assert.equal(runs, 4, 'a sync that wrote is followed by another one');
    quiet.run(sim, obj, undefined, idle);
    quiet.run(sim, obj, undefined, idle);
    assert.equal(runs, 6, 'no fingerprint, no skipping');
  });

  it('wakes a ReplicaSet that could not create pods when its ServiceAccount appears', () => {
    const r = simulateReapply(testEngine(), [{ source: 'app.yaml', text: deployment }], [{ source: 'app.yaml', text: `${deployment}---\n${serviceAccount}` }]);
    assert.equal(r.before.objects.filter((o) => o.kind === 'Pod').length, 0);
    assert.ok(r.before.events.some((e) => e.reason === 'FailedCreate'));
    assert.deepEqual(r.changes.rejected, []);
    assert.equal(r.after.objects.filter((o) => o.kind === 'Pod').length, 2);
  });

  it('updates Endpoints and EndpointSlices when a matching pod appears in the namespace', () => {
    const old = `${serviceAccount}---\n${deployment}---\n${service}`;
    const r = simulateReapply(testEngine(), [{ source: 'app.yaml', text: old }], [{ source: 'app.yaml', text: `${old}---\n${barePod}` }]);
    const addresses = (objects: typeof r.after.objects): string[] => {
      const ep = objects.find((o) => o.kind === 'Endpoints' && o.metadata.name === 'web') as { subsets?: { addresses?: { targetRef: { name: string } }[] }[] } | undefined;
      return (ep?.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.targetRef.name);
    };
    const sliced = (objects: typeof r.after.objects): string[] =>
      objects.filter((o) => o.kind === 'EndpointSlice').flatMap((s) => ((s.endpoints as { targetRef: { name: string } }[] | null) ?? []).map((e) => e.targetRef.name));
    assert.equal(addresses(r.before.objects).length, 2);
    assert.ok(addresses(r.after.objects).includes('extra'), addresses(r.after.objects).join(', '));
    assert.equal(addresses(r.after.objects).length, 3);
    assert.ok(sliced(r.after.objects).includes('extra'));
  });
});
