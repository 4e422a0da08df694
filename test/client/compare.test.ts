import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changesMarkdown } from '../../client/src/model/compare';
import { deployment, reapplyYaml, service } from './simulation';

const section = (md: string, heading: string): string => {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end + 1);
};

describe('the re-apply change list', () => {
  it('says nothing changes when the same manifests are applied again', () => {
    const files = { 'a.yaml': deployment('web') + '---\n' + service('web') };
    const md = changesMarkdown('Compare', reapplyYaml(files, files));
    assert.equal(md, '# Compare\n\nkubectl apply: 2 unchanged.\n\n## Applied\n\n- Unchanged (2): `deployment/web`, `service/web`\n\nNothing changes: re-applying leaves the simulated cluster as it is.\n');
  });

  it('shows a new image as a rollout: the new ReplicaSet, the old one kept at 0, the pods replaced, the endpoints moved', () => {
    const md = changesMarkdown('Compare', reapplyYaml(
      { 'a.yaml': deployment('web', { replicas: 3 }) + '---\n' + service('web') },
      { 'a.yaml': deployment('web', { replicas: 3, image: 'nginx:1.28' }) + '---\n' + service('web') },
    ));
    assert.match(md, /^kubectl apply: 1 configured, 1 unchanged\.$/m);
    const rollout = section(md, 'Rollouts');
    assert.match(rollout, /^### `deployment\/web`$/m);
    assert.match(rollout, /^- New ReplicaSet `web-[a-z0-9]+`\.$/m);
    assert.match(rollout, /^- Old ReplicaSets kept: `web-[a-z0-9]+` \(0 replicas\)\.$/m);
    assert.match(rollout, /^- 3 pods replaced: 3 deleted \(`web-[a-z0-9]+-[a-z0-9]{5}`(, `web-[a-z0-9]+-[a-z0-9]{5}`){2}\), 3 created \(.*\)\.$/m);
    assert.match(section(md, 'Endpoints changed'), /^- `service\/web`: 3 → 3 ready endpoints; removed `10\.244\.[\d.]+:80`.*; added `10\.244\.[\d.]+:80`/m);
    assert.match(section(md, 'Applied'), /^- Configured: `deployment\/web` \(`spec.template` changed\)$/m);
    assert.match(section(md, 'Applied'), /^- Unchanged \(1\): `service\/web`$/m);
    // The rollout and the endpoints explain every generated object that changed.
    assert.equal(section(md, 'Also changed in the cluster'), '');
    assert.doesNotMatch(md, /Nothing changes/);
  });

  it('lists created and rejected objects, scaling, pods of other workloads and the new warnings', () => {
    const md = changesMarkdown('Compare', reapplyYaml(
      { 'a.yaml': deployment('web', { replicas: 2 }) },
      {
        'a.yaml': deployment('web', { replicas: 3 }),
        'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: new}\n',
        'c.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {storageClassName: nope, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n',
        'd.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: Bad_Name}\nspec: {ports: [{port: 80}]}\n',
      },
    ));
    assert.match(md, /^kubectl apply: 2 created, 1 configured, 1 rejected\.$/m);
    assert.match(section(md, 'Rejected by the API server'), /^- `service\/Bad_Name`: The Service "Bad\\_Name" is invalid: /m);
    assert.match(section(md, 'Applied'), /^- Configured: `deployment\/web` \(`spec.replicas` changed\)$/m);
    assert.match(section(md, 'Applied'), /^- Created: `configmap\/new`$/m);
    assert.match(section(md, 'Also changed in the cluster'), /^- Pod: 1 created \(`web-[a-z0-9]+-[a-z0-9]{5}`\)$/m);
    assert.match(section(md, 'New warnings'), /^- `persistentvolumeclaim\/data` \*\*ProvisioningFailed\*\*: storageclass\.storage\.k8s\.io "nope" not found$/m);
    assert.equal(section(md, 'Rollouts'), '');
  });

  it('escapes Markdown in messages and names objects outside the default namespace', () => {
    const md = changesMarkdown('Compare *x*', {
      apply: [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'a', result: 'rejected', message: 'bad <b>value</b> | *here*' }],
      rejected: [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'a', result: 'rejected', message: 'bad <b>value</b> | *here*' }],
      added: [], removed: [], changed: [], rollouts: [], endpoints: [], events: [],
    });
    assert.match(md, /^# Compare \\\*x\\\*$/m);
    assert.match(md, /^- `configmap\/a` in `shop`: bad \\<b\\>value\\<\/b\\> \\\| \\\*here\\\*$/m);
  });
});
