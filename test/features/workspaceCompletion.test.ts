import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, type CompletionEntry } from '../../server/src/engine/features/completion';
import { expandSnippet } from '../../server/src/engine/features/snippets';
import { SECRET_VALUES, shopWorkspace } from './navWorkspace';

const ws = shopWorkspace();
const EDIT = 'file:///ws/edit.yaml';

/** Completions at the `|` of a file being edited in the shop workspace. */
function completeAt(marked: string): CompletionEntry[] {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const file = ws.setFile(EDIT, text);
  return complete(file.parsed, offset, ws.engine.bundle, { index: ws.view(), defaultNamespace: 'default' });
}
const labels = (items: CompletionEntry[]): string[] => items.map((i) => i.label).sort();

const service = (ns: string, body: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: ${ns}\nspec:\n${body}`;
const pod = (ns: string, body: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${ns}\nspec:\n  containers:\n    - name: c\n      image: busybox:1\n${body}`;

describe('completion of cross-resource values', () => {
  it('offers the label keys of the namespace pod templates in a Service selector, with their values as choices', () => {
    const items = completeAt(service('shop', '  selector:\n    |\n'));
    assert.deepEqual(labels(items), ['app', 'tier']);
    const app = items.find((i) => i.label === 'app')!;
    assert.equal(expandSnippet(app.insertText), 'app: web');
    assert.match(app.detail ?? '', /deployment\/web/);
    assert.deepEqual(labels(completeAt(service('other', '  selector:\n    |\n'))), ['app', 'team']);
    assert.deepEqual(labels(completeAt(service('shop', '  selector:\n    app: web\n    |\n'))), ['tier'], 'a key already written is not offered again');
  });

  it('offers label values for a key, and keys in matchLabels and matchExpressions', () => {
    assert.deepEqual(labels(completeAt(service('shop', '  selector:\n    tier: |\n'))), ['front']);
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: n\n  namespace: other\nspec:\n  podSelector:\n    matchLabels:\n      |\n';
    assert.deepEqual(labels(completeAt(np)), ['app', 'team']);
    assert.deepEqual(labels(completeAt(np.replace('      |\n', '      team: |\n'))), ['blue']);
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: b\n  namespace: shop\nspec:\n  selector:\n    matchExpressions:\n      - key: |\n';
    assert.deepEqual(labels(completeAt(pdb)), ['app', 'tier']);
  });

  it('offers no pod labels where a selector picks namespaces or nodes', () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: n\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              |\n';
    assert.deepEqual(labels(completeAt(np)), []);
    assert.deepEqual(labels(completeAt(np.replace('namespaceSelector', 'podSelector'))), ['app', 'tier']);
    const affinity = pod('shop', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - key: |\n');
    assert.ok(!labels(completeAt(affinity)).includes('tier'), 'node labels are not pod labels');
  });

  it('offers Service names and their port names and numbers in Ingress backends', () => {
    const ing = (ns: string, backend: string): string =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  namespace: ${ns}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n${backend}`;
    assert.deepEqual(labels(completeAt(ing('shop', '                name: |\n'))), ['web']);
    assert.deepEqual(labels(completeAt(ing('shop', '                name: web\n                port:\n                  name: |\n'))), ['http']);
    assert.deepEqual(labels(completeAt(ing('shop', '                name: web\n                port:\n                  number: |\n'))), ['80']);
    assert.deepEqual(labels(completeAt(ing('nowhere', '                name: |\n'))), [], 'no Service in that namespace');
  });

  it('offers ConfigMap and Secret names and keys of the namespace, never Secret values', () => {
    const envFrom = (ns: string, ref: string): string => pod(ns, `      envFrom:\n        - ${ref}:\n            name: |\n`);
    assert.deepEqual(labels(completeAt(envFrom('shop', 'configMapRef'))), ['web-config']);
    assert.deepEqual(labels(completeAt(envFrom('shop', 'secretRef'))), ['db-secret', 'shop-tls']);
    const keyRef = (ns: string, ref: string, name: string): string => pod(ns, `      env:\n        - name: X\n          valueFrom:\n            ${ref}:\n              name: ${name}\n              key: |\n`);
    assert.deepEqual(labels(completeAt(keyRef('shop', 'configMapKeyRef', 'web-config'))), ['feature-flags', 'log-level']);
    assert.deepEqual(labels(completeAt(keyRef('other', 'configMapKeyRef', 'web-config'))), ['color']);
    const secretKeys = completeAt(keyRef('shop', 'secretKeyRef', 'db-secret'));
    assert.deepEqual(labels(secretKeys), ['password', 'token']);
    const volume = pod('shop', '  volumes:\n    - name: v\n      secret:\n        secretName: db-secret\n        items:\n          - key: |\n');
    const volumeKeys = completeAt(volume);
    assert.deepEqual(labels(volumeKeys), ['password', 'token']);
    const pulls = completeAt(pod('shop', '  imagePullSecrets:\n    - name: |\n'));
    assert.deepEqual(labels(pulls), ['db-secret', 'shop-tls']);
    const everything = JSON.stringify([...secretKeys, ...volumeKeys, ...pulls, ...completeAt(envFrom('shop', 'secretRef'))]);
    for (const v of SECRET_VALUES) assert.ok(!everything.includes(v), `a Secret value leaked: ${v}`);
  });

  it('offers claim and ServiceAccount names of the namespace', () => {
    const claim = (ns: string): string => pod(ns, '  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: |\n');
    assert.deepEqual(labels(completeAt(claim('shop'))), ['web-data']);
    assert.deepEqual(labels(completeAt(claim('nowhere'))), []);
    const sa = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  serviceAccountName: |\n';
    assert.deepEqual(labels(completeAt(sa)), ['default', 'web-sa']);
  });

  it('offers the governing Service of a StatefulSet and the target of an HPA', () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\n  namespace: other\nspec:\n  serviceName: |\n';
    assert.deepEqual(labels(completeAt(sts)), ['web']);
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  namespace: shop\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: |\n';
    assert.deepEqual(labels(completeAt(hpa)), ['web']);
    assert.deepEqual(labels(completeAt(hpa.replace('Deployment', 'StatefulSet'))), []);
  });

  it('offers the container ports of the selected pods for a targetPort, names first', () => {
    const items = completeAt(service('shop', '  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: |\n'));
    assert.deepEqual(labels(items), ['8080', 'http']);
    assert.ok(items.find((i) => i.label === 'http')!.sortText! < items.find((i) => i.label === '8080')!.sortText!);
    assert.deepEqual(labels(completeAt(service('other', '  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: |\n'))), ['9090', 'metrics']);
    assert.deepEqual(labels(completeAt(service('shop', '  selector:\n    app: nothing\n  ports:\n    - port: 80\n      targetPort: |\n'))), []);
  });

  it('reads the namespace and sibling names of a document that does not parse yet', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: other\n  labels: {oops: [\nspec:\n  containers:\n    - name: c\n      env:\n        - name: X\n          valueFrom:\n            configMapKeyRef:\n              name: web-config\n              key: |\n';
    const file = ws.engine.parse('file:///ws/broken.yaml', broken.replace('|', ''));
    assert.ok(file.documents[0].parsed.problems.length > 0, 'the document really is broken');
    assert.deepEqual(labels(completeAt(broken)), ['color']);
  });

  it('inserts a space after a bare colon and quotes values YAML 1.1 would misread', () => {
    const items = completeAt(service('shop', '  selector:\n    tier:|\n'));
    assert.equal(items[0]?.insertText, ' front');
  });
});
