import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputsFromSources } from '../../server/src/simulator/apiserver/inputs';
import { defaultConfig } from '../../server/src/simulator/random';
import { applyAll, settle, startCluster, type SimulateOptions } from '../../server/src/simulator/simulate';
import { testEngine } from '../helpers/engine';

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: "*/2 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: "busybox:1.36"}]
`;

describe('CronJob firing', () => {
  it('creates no Job until the schedule comes, then the Job <name>-<minutes since epoch> and its pod', () => {
    const engine = testEngine();
    const config = defaultConfig(1);
    const options: SimulateOptions = { defaultNamespace: 'default', isServed: () => true };
    const sim = startCluster(config, options);
    const [record] = applyAll(sim, inputsFromSources(engine, [{ source: 'c.yaml', text: CRONJOB }]), options);
    assert.equal(record.result, 'created');
    // Applied at 00:01:00; the next */2 minute is 00:02:00.
    assert.deepEqual(sim.store.list('Job'), []);
    assert.deepEqual(sim.store.list('Pod').filter((p) => p.metadata.namespace === 'default'), []);
    config.clock.advance(60);
    settle(sim);
    const jobs = sim.store.list('Job');
    const due = Date.parse('2024-01-01T00:02:00Z') / 60000;
    assert.deepEqual(jobs.map((j) => j.metadata.name), [`tick-${due}`]);
    assert.equal(jobs[0].metadata.ownerReferences?.[0].kind, 'CronJob');
    assert.equal(sim.store.list('Pod').filter((p) => p.metadata.name.startsWith(`tick-${due}-`)).length, 1);
    const cj = sim.store.get('CronJob', 'default', 'tick');
    assert.equal((cj?.status as { lastScheduleTime?: string }).lastScheduleTime, '2024-01-01T00:02:00Z');
    assert.ok(sim.store.events.some((e) => e.reason === 'SuccessfulCreate' && e.message === `Created job tick-${due}`));
    // Nothing more until 00:04.
    config.clock.advance(30);
    settle(sim);
    assert.equal(sim.store.list('Job').length, 1);
  });
});
