import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph, type Graph } from '../../client/src/model/graph';
import { deployment, service, simulateYaml } from './simulation';

const kindOf = (g: Graph, id: string): string => g.nodes.find((n) => n.id === id)!.kind;
const links = (g: Graph): string[] => [...new Set(g.edges.map((e) => `${kindOf(g, e.source)}→${kindOf(g, e.target)}${e.broken ? ' (broken)' : ''}`))].sort();

const APP = {
  'app.yaml': deployment('web', {
    replicas: 2,
    extra: `      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
        - name: settings
          configMap: {name: settings}
        - name: creds
          secret: {secretName: creds}
`,
  }).replace('          resources:', '          volumeMounts: [{name: data, mountPath: /data}]\n          resources:'),
  'svc.yaml': service('web'),
  'more.yaml': `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {password: hunter2}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`,
};

describe('resource graph', () => {
  it('links Ingress → Service → Pods ← ReplicaSet ← Deployment, Pod → Node, Pod → PVC → PV, Pod → ConfigMap/Secret', () => {
    const g = buildGraph(simulateYaml(APP));
    assert.deepEqual(links(g), [
      'Deployment→ReplicaSet',
      'Ingress→Service',
      'Ingress→Service (broken)',
      'PersistentVolumeClaim→PersistentVolume',
      'Pod→ConfigMap',
      'Pod→Node',
      'Pod→PersistentVolumeClaim',
      'Pod→Secret',
      'ReplicaSet→Pod',
      'Service→Pod',
    ]);
    const missing = g.nodes.filter((n) => n.missing);
    assert.deepEqual(missing.map((n) => `${n.kind}/${n.label}`), ['Service/api']);
    assert.equal(g.edges.find((e) => e.broken)?.label, '*/api');
    // Every edge joins two drawn nodes; every real node can reveal its manifest.
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) assert.ok(ids.has(e.source) && ids.has(e.target), e.id);
    for (const n of g.nodes) assert.ok(n.missing || n.ref, n.id);
    assert.ok(!JSON.stringify(g).includes('hunter2'));
  });

  it('draws a Service without pods and a claim that does not exist as broken links', () => {
    const g = buildGraph(simulateYaml({
      'svc.yaml': service('lonely', 'nobody'),
      'app.yaml': deployment('web', { replicas: 1, extra: '      volumes:\n        - name: d\n          persistentVolumeClaim: {claimName: nowhere}\n' }),
    }));
    const lonely = g.nodes.find((n) => n.kind === 'Service' && n.label === 'lonely')!;
    assert.ok(lonely.unhealthy);
    const toNoPods = g.edges.find((e) => e.source === lonely.id)!;
    assert.ok(toNoPods.broken);
    assert.ok(g.nodes.find((n) => n.id === toNoPods.target)?.missing);
    const claim = g.nodes.find((n) => n.kind === 'PersistentVolumeClaim')!;
    assert.ok(claim.missing);
    assert.equal(claim.label, 'nowhere');
    assert.ok(g.edges.some((e) => e.target === claim.id && e.broken));
  });

  it('stays one connected picture per app for a 20-app workspace', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`app-${i}.yaml`] = deployment(`app-${i}`, { replicas: 2 }) + '---\n' + service(`app-${i}`);
    const g = buildGraph(simulateYaml(files));
    assert.equal(g.nodes.filter((n) => n.kind === 'Pod').length, 40);
    // Forty pods: no Pod → Node hub edges; each pod names its node instead.
    assert.equal(g.nodes.filter((n) => n.kind === 'Node').length, 0);
    assert.ok(g.nodes.filter((n) => n.kind === 'Pod').every((n) => /^Running on node-\d$/.test(n.detail ?? '')), JSON.stringify(g.nodes.find((n) => n.kind === 'Pod')));
    // The admission-injected token volume is not drawn as a reference to kube-root-ca.crt.
    assert.ok(!g.nodes.some((n) => n.label === 'kube-root-ca.crt'));
    assert.equal(g.nodes.filter((n) => n.kind === 'Service').length, 20);
    assert.equal(g.edges.filter((e) => e.broken).length, 0);
  });
});
