import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changesMarkdown, compareResults } from '../../client/src/model/compare';
import { deployment, service, simulateYaml } from './simulation';

const summary = (old: Record<string, string>, now: Record<string, string>): string[] => compareResults(simulateYaml(old), simulateYaml(now)).map((c) => `${c.object} ${c.kind}: ${c.text}`);

describe('compare two simulations', () => {
  it('finds no change between two runs of the same manifests, even with other names and IPs', () => {
    const files = { 'a.yaml': deployment('web') + '---\n' + service('web') };
    assert.deepEqual(compareResults(simulateYaml(files, 1), simulateYaml(files, 7)), []);
  });

  it('reports a new image as a rollout that replaces the pods', () => {
    const lines = summary({ 'a.yaml': deployment('web', { replicas: 3 }) }, { 'a.yaml': deployment('web', { replicas: 3, image: 'nginx:1.28' }) });
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.equal(lines[0], 'deployment/web configured: configured: spec.template changed');
    assert.match(lines[1], /^deployment\/web rollout: rolls out: new ReplicaSet web-[a-z0-9]+ replaces web-[a-z0-9]+; 3 pods replaced$/);
  });

  it('reports scaling, endpoints that change, pods that stop running, and objects added and dropped', () => {
    const lines = summary(
      { 'a.yaml': deployment('web', { replicas: 2 }) + '---\n' + service('web'), 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\n' },
      { 'a.yaml': deployment('web', { replicas: 3, cpu: '8' }) + '---\n' + service('web'), 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: new}\n' },
    );
    assert.deepEqual(lines.filter((l) => !l.includes('rollout')), [
      'deployment/web configured: configured: spec.replicas, spec.template changed',
      'deployment/web scaled: scales 2 → 3 replicas',
      'deployment/web pods: running pods 2/2 → 0/3 (Unschedulable: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu)',
      'service/web endpoints: endpoints 2 → 0 (pods of nothing, was deployment/web)',
      'configmap/new added: new: kubectl apply creates it',
      'configmap/old removed: no longer in the manifests; kubectl apply without --prune leaves it in the cluster',
    ]);
  });

  it('writes the change list as Markdown grouped by object', () => {
    const md = changesMarkdown('Compare', [{ kind: 'scaled', object: 'deployment/web', text: 'scales 2 → 3 replicas' }]);
    assert.equal(md, '# Compare\n\n1 change.\n\n## deployment/web\n\n- **scaled**: scales 2 → 3 replicas\n');
    assert.match(changesMarkdown('Compare', []), /No changes/);
  });
});
