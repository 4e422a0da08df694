import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { buildTree, type TreeNode } from '../../client/src/model/tree';
import { fromRoot } from '../helpers/paths';
import { deployment, service, simulateYaml } from './simulation';

const find = (nodes: TreeNode[], ...labels: string[]): TreeNode => {
  let cur: TreeNode | undefined;
  let level = nodes;
  for (const l of labels) {
    cur = level.find((n) => n.label === l || n.label.startsWith(l));
    assert.ok(cur, `no "${l}" among ${JSON.stringify(level.map((n) => n.label))}`);
    level = cur.children;
  }
  return cur!;
};

const example = (): Record<string, string> => {
  const dir = fromRoot('examples', 'webapp');
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, fs.readFileSync(`${dir}/${f}`, 'utf8')]));
};

describe('Simulated Cluster tree', () => {
  it('shows the example app: namespace, workloads down to pods, services, ingress routes, claims, nodes, events', () => {
    const tree = buildTree(simulateYaml(example()));
    assert.deepEqual(tree.map((n) => n.label), ['shop', 'Nodes', 'Events']);
    const web = find(tree, 'shop', 'Deployments', 'web');
    assert.equal(web.description, '1/1 ready');
    assert.equal(web.ref?.kind, 'Deployment');
    const rs = web.children[0];
    assert.match(rs.label, /^web-[a-z0-9]+$/);
    const pod = rs.children[0];
    assert.match(pod.description ?? '', /^Running · node-\d · 10\.244\.\d+\.\d+$/);
    assert.equal(find(tree, 'shop', 'StatefulSets', 'db', 'db-0').warning, false);
    const svc = find(tree, 'shop', 'Services', 'web');
    assert.match(svc.description ?? '', /^ClusterIP · 10\.\d+\.\d+\.\d+ · 80\/TCP$/);
    assert.match(svc.children[0].label, /^10\.244\.\d+\.\d+:80$/);
    assert.equal(find(tree, 'shop', 'Services', 'db').description, 'ClusterIP · None · 5432/TCP');
    const route = find(tree, 'shop', 'Ingresses', 'web', 'shop.example.com/');
    assert.equal(route.description, '→ web:http');
    const claim = find(tree, 'shop', 'PersistentVolumeClaims', 'uploads');
    assert.match(claim.description ?? '', /^Bound · 2Gi · standard$/);
    assert.match(claim.children[0].description ?? '', /^PersistentVolume · 2Gi · Bound$/);
    const nodes = find(tree, 'Nodes');
    assert.deepEqual(nodes.children.map((n) => n.label), ['control-plane', 'node-1', 'node-2', 'node-3']);
    const used = nodes.children.find((n) => n.children.some((p) => p.label === 'db-0'))!;
    assert.match(used.description ?? '', /^\d+ pods · cpu 250m\/4 · memory 512Mi\/16Gi$/);
    assert.match(nodes.children[0].description ?? '', /tainted$/);
    assert.ok(!find(tree, 'Events').warning);
  });

  it('never shows Secret values, only how many keys there are', () => {
    const files = example();
    const tree = buildTree(simulateYaml(files));
    assert.equal(find(tree, 'shop', 'Secrets', 'web-secrets').description, 'Opaque · 1 keys');
    const json = JSON.stringify(tree);
    for (const value of ['change-me-before-deploying', 'change-me-too', Buffer.from('change-me-too').toString('base64')]) assert.ok(!json.includes(value), value);
  });

  it('shows rejected objects with the API server message, and pods that would not run as warnings', () => {
    const tree = buildTree(simulateYaml({
      'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n',
      'big.yaml': deployment('big', { replicas: 3, cpu: '8' }),
      'svc.yaml': service('lonely', 'nobody'),
    }));
    const rejected = find(tree, 'Rejected', 'configmap/Bad_Name');
    assert.match(rejected.description ?? '', /ConfigMap "Bad_Name" is invalid/);
    assert.ok(rejected.warning);
    const big = find(tree, 'default', 'Deployments', 'big');
    assert.equal(big.description, '0/3 ready');
    assert.ok(big.warning);
    const pod = big.children[0].children[0];
    assert.ok(pod.warning);
    assert.match(pod.tooltip ?? '', /^Pending: 0\/4 nodes are available: .*3 Insufficient cpu$/);
    const lonely = find(tree, 'default', 'Services', 'lonely');
    assert.ok(lonely.warning);
    assert.equal(lonely.children[0].label, 'no endpoints');
    const events = find(tree, 'Events');
    assert.ok(events.warning);
    assert.equal(events.children[0].warning, true, 'warnings come first');
    assert.match(events.children[0].label, /^FailedScheduling pod\/big-/);
  });
});
