import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, type HoverResult } from '../../server/src/engine/features/hover';
import { CONCEPT_KINDS, conceptOf } from '../../server/src/engine/k8s/concepts';
import { testEngine } from '../helpers/engine';

/** Hover at the `|` in `text` (the marker is removed). */
function hoverAt(marked: string): { h: HoverResult | undefined; text: string } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const e = testEngine();
  return { h: hover(e.parse('file:///t.yaml', text), offset, e.bundle), text };
}

function must(marked: string): { md: string; covered: string } {
  const { h, text } = hoverAt(marked);
  assert.ok(h, 'expected a hover');
  return { md: h.markdown, covered: text.slice(h.span.start, h.span.end) };
}

const DEPLOYMENT = (cursorLine: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${cursorLine}
`;

describe('hover on keys', () => {
  it('shows the description, type and required state of a field, on the key span', () => {
    const { md, covered } = must(DEPLOYMENT('      cont|ainers:\n        - name: web\n          image: nginx'));
    assert.equal(covered, 'containers');
    assert.match(md, /`list of Container`/);
    assert.match(md, /\*\*required\*\*/);
    assert.match(md, /List of containers belonging to the pod/);
  });

  it('shows optional fields, scalar types and the default a description states', () => {
    const { md } = must(DEPLOYMENT('      containers:\n        - name: web\n          image: nginx\n      terminationGrace|PeriodSeconds: 30'));
    assert.match(md, /`integer`/);
    assert.match(md, /optional/);
    assert.match(md, /Default: 30 seconds/);
    const replicas = must(DEPLOYMENT('      containers: []').replace('  repl', '  re|pl')).md;
    assert.match(replicas, /Default: 1/);
  });

  it('names int-or-string, quantity, object and map types', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n';
    assert.match(must(svc.replace('targetPort', 'target|Port')).md, /`int-or-string`/);
    assert.match(must(svc.replace('  selector', '  sel|ector')).md, /`map of string`/);
    assert.match(must(svc.replace('spec:', 'sp|ec:')).md, /`object \(ServiceSpec\)`/);
    const res = DEPLOYMENT('      containers:\n        - name: web\n          image: nginx\n          resources:\n            limits:\n              mem|ory: 128Mi');
    const memory = must(res);
    assert.match(memory.md, /\*\*memory\*\* — an entry of `limits`/);
    assert.match(memory.md, /`quantity`/);
  });

  it('lists the allowed values of an enum', () => {
    const { md } = must('apiVersion: v1\nkind: Service\nspec:\n  ty|pe: ClusterIP\n');
    assert.match(md, /Allowed values: `ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`/);
  });

  it('works in a document that does not parse', () => {
    const { md } = must('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: [\n  selector:\n');
    assert.match(md, /Number of desired pods/);
  });

  it('says nothing for unknown kinds or fields', () => {
    assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 3\n').h, undefined);
    assert.equal(hoverAt('apiVersion: v1\nkind: Pod\nspec:\n  contaners|: []\n').h, undefined);
  });
});

describe('hover on ports', () => {
  const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n      nodePort: 30080\n';
  for (const key of ['port', 'targetPort', 'nodePort']) {
    it(`explains how the ports chain together on a Service's ${key}`, () => {
      const { md } = must(SVC.replace(`${key}:`, `${key.slice(0, 2)}|${key.slice(2)}:`));
      assert.match(md, /nodePort.*every node.*`port` on the ClusterIP.*`targetPort`.*`containerPort`.*by number or by the port's `name`/s);
      assert.match(md, /kubernetes\.io\/docs\/concepts\/services-networking\/service/);
    });
  }

  it('explains it on a container\'s containerPort too, but not on a probe port', () => {
    const text = DEPLOYMENT('      containers:\n        - name: web\n          image: nginx\n          ports:\n            - contai|nerPort: 80\n              name: http');
    assert.match(must(text).md, /How the ports chain together/);
    const probe = DEPLOYMENT('      containers:\n        - name: web\n          image: nginx\n          readinessProbe:\n            httpGet:\n              po|rt: 80');
    assert.doesNotMatch(must(probe).md, /How the ports chain together/);
  });
});

describe('hover on kind and apiVersion', () => {
  it('explains the kind in learner terms with a docs link', () => {
    const { md, covered } = must('apiVersion: apps/v1\nkind: Deploy|ment\n');
    assert.equal(covered, 'Deployment');
    assert.match(md, /ReplicaSets, which own the Pods/);
    assert.match(md, /\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/controllers\/deployment\/\)/);
  });

  it('explains the apiVersion as group and version, then the kind', () => {
    const { md } = must('apiVersion: apps|/v1\nkind: StatefulSet\n');
    assert.match(md, /API group `apps`, version `v1`/);
    assert.match(md, /headless Service/);
    assert.match(must('apiVersion: v|1\nkind: Service\n').md, /core/);
  });

  it('has a concept for every kind a learner meets first', () => {
    const expected = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Ingress', 'IngressClass', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'Namespace', 'ServiceAccount', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget'];
    for (const kind of expected) {
      const c = conceptOf(kind);
      assert.ok(c, kind);
      assert.match(c.docs, /^https:\/\/kubernetes\.io\/docs\/concepts\//);
      assert.ok(c.summary.includes(`**${kind}**`), kind);
    }
    assert.ok(CONCEPT_KINDS.length >= expected.length);
  });

  it('falls back to the schema description for kinds without a concept text', () => {
    const { md } = must('apiVersion: coordination.k8s.io/v1\nkind: Le|ase\n');
    assert.match(md, /\*\*Lease\*\*/);
  });
});

describe('hover on a Secret', () => {
  const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: c3VwZXJzZWNyZXQ=\nstringData:\n  token: hunter2-plain\n';
  it('never shows a data value, on the key or on the value', () => {
    for (const marked of [SECRET.replace('password:', 'pass|word:'), SECRET.replace('c3VwZX', 'c3V|wZX'), SECRET.replace('hunter2', 'hun|ter2'), SECRET.replace('token:', 'to|ken:')]) {
      const { md } = must(marked);
      assert.doesNotMatch(md, /c3VwZXJzZWNyZXQ|supersecret|hunter2/);
      assert.match(md, /an entry of `(data|stringData)`/);
      assert.match(md, /the value is not shown/);
    }
  });
});
