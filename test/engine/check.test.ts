import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../helpers/engine';

const at = (text: string, offset: number): string => text.slice(offset);

describe('checkFile', () => {
  it('reports every schema error of a document at once, each on its key or value', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      contaners: []
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: always
`;
    const d = check(text);
    assert.deepEqual(d.map((x) => x.ruleId), ['schema-type', 'schema-unknown-field', 'schema-enum']);
    assert.ok(at(text, d[0].span.start).startsWith('"3"'));
    assert.ok(at(text, d[1].span.start).startsWith('contaners:'));
    assert.match(d[1].message, /Did you mean "containers"/);
    assert.match(d[2].message, /Always, IfNotPresent, Never/);
  });

  it('reads YAML the 1.1 way, as kubectl does: an unquoted n is a boolean', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: n\n      image: busybox:1.36\n';
    const d = check(text);
    assert.equal(d.length, 1);
    assert.equal(d[0].ruleId, 'yaml11-boolean');
    assert.equal(d[0].fixes?.[0].edits[0].newText, '"n"');
  });

  it("tells a Service's selector from a workload's", () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  ports:\n    - port: 80\n';
    const d = check(text);
    assert.deepEqual(d.map((x) => x.ruleId), ['schema-type']);
    assert.match(d[0].message, /A Service's selector is a plain map of labels \(selector: \{app: web\}\); matchLabels belongs to the selectors of Deployments/);
  });

  it('gives no diagnostics to YAML that is not Kubernetes, nor to Helm templates', () => {
    assert.deepEqual(check('name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
    assert.deepEqual(check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n'), []);
    assert.deepEqual(check('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n'), []);
  });

  it('checks each `---` document and each item of a kind: List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    dta: {}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: "80"}]\n';
    assert.deepEqual(check(text).map((x) => x.ruleId), ['schema-unknown-field', 'schema-type']);
  });
});
