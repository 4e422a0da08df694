import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/check';
import { definition } from '../../server/src/engine/features/navigation/definition';
import { references } from '../../server/src/engine/features/navigation/references';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { offsetOf } from './navWorkspace';

/** The less common sources: NetworkPolicy and PDB selectors, HPAs, IngressClasses, legacy Ingresses, config volumes, StatefulSet claims. */
const A = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, role: primary}
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts: [{name: data, mountPath: /data}]
      volumes:
        - name: conf
          configMap:
            name: db-conf
            items:
              - key: postgresql.conf
                path: postgresql.conf
        - name: pinned
          persistentVolumeClaim:
            claimName: data-db-0
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-only
spec:
  podSelector:
    matchExpressions:
      - key: role
        operator: In
        values: [primary]
  policyTypes: [Ingress]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: db
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: db
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: db
  minReplicas: 2
  maxReplicas: 4
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-conf
data:
  postgresql.conf: "max_connections = 100"
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: legacy
spec:
  ingressClassName: nginx
  backend:
    serviceName: db
    servicePort: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`;

const URI = 'file:///more/a.yaml';
const ws = new Workspace(testEngine(), DEFAULT_SETTINGS);
ws.setFile(URI, A);
const lines = (list: { span: { start: number; end: number } }[]): string[] => list.map((l) => `${A.slice(0, l.span.start).split('\n').length}:${A.slice(l.span.start, l.span.end)}`).sort();
const def = (needle: string, nth = 0): string[] => lines(definition(ws.view(), ws.getFile(URI)!.resources, offsetOf(A, needle, nth)));
const refs = (needle: string, nth = 0): string[] => lines(references(ws.view(), ws.getFile(URI)!.resources, offsetOf(A, needle, nth), false));

describe('navigation: the less common sources', () => {
  it('goes from NetworkPolicy matchExpressions and PDB matchLabels to the template labels', () => {
    assert.deepEqual(def('key: role'), ['12:role']);
    assert.deepEqual(def('podSelector'), ['12:labels']);
    assert.deepEqual(def('app: db', 2), ['12:app']);
  });

  it('finds every selector of a template label, including expressions', () => {
    assert.deepEqual(refs('role: primary'), ['42:role']);
    assert.deepEqual(refs('labels'), ['40:podSelector', '53:selector', '8:selector', '98:selector']);
  });

  it('goes from a configMap volume and its items to the ConfigMap and key, and back', () => {
    assert.deepEqual(def('name: db-conf'), ['72:db-conf']);
    assert.deepEqual(def('key: postgresql.conf'), ['74:postgresql.conf']);
    assert.deepEqual(refs('postgresql.conf: "max'), ['23:postgresql.conf']);
    ws.setFile('file:///more/all-keys.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c, image: busybox:1}]\n  volumes:\n    - name: all\n      configMap:\n        name: db-conf\n');
    const found = references(ws.view(), ws.getFile(URI)!.resources, offsetOf(A, 'postgresql.conf: "max'), false);
    assert.deepEqual(found.map((l) => l.uri).sort(), ['file:///more/a.yaml', 'file:///more/all-keys.yaml'], 'a volume without items projects every key');
    ws.removeFile('file:///more/all-keys.yaml');
    assert.deepEqual(refs('name: db-conf', 1), ['21:db-conf']);
  });

  it('goes from a claim of a StatefulSet to the volumeClaimTemplate that makes it', () => {
    assert.deepEqual(def('claimName'), ['30:data']);
  });

  it('goes from an HPA to its target and back, and from a legacy Ingress to its Service and IngressClass', () => {
    assert.deepEqual(def('name: db', 6), ['4:db']);
    assert.deepEqual(refs('name: db', 0), ['65:db']);
    assert.deepEqual(def('serviceName: db', 1), ['96:db']);
    assert.deepEqual(def('serviceName: db', 0), ['96:db'], 'the governing Service of the StatefulSet');
    assert.deepEqual(def('servicePort'), ['99:5432']);
    assert.deepEqual(def('ingressClassName'), ['79:nginx']);
  });
});
