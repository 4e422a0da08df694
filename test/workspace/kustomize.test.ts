import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kustomizationOf, resolveUri } from '../../server/src/engine/k8s/kustomization';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';

const POD = (configMap: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0
      envFrom:
        - configMapRef:
            name: ${configMap}
`;
const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: other
data:
  A: b
`;

function workspace(): Workspace {
  return new Workspace(testEngine(), undefined, (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
}
const ids = (ws: Workspace, uri: string): string[] => ws.diagnostics(uri).map((d) => `${d.ruleId}: ${d.message}`);

describe('kustomize awareness', () => {
  it('resolves paths against the kustomization folder, on URIs', () => {
    assert.equal(resolveUri('file:///repo/overlays/prod', '../../base'), 'file:///repo/base');
    assert.equal(resolveUri('file:///repo/app', './deploy.yaml'), 'file:///repo/app/deploy.yaml');
    assert.equal(resolveUri('file:///c%3A/repo/app', 'sub/x.yaml'), 'file:///c%3A/repo/app/sub/x.yaml');
    assert.equal(resolveUri('file:///repo', '../../../x.yaml'), 'file:///x.yaml');
    assert.equal(resolveUri('/home/me/repo/overlays/prod', '../../base'), '/home/me/repo/base');
    assert.equal(resolveUri('C:\\repo\\overlays\\prod', '../../base/deploy.yaml'), 'C:\\repo\\base\\deploy.yaml');
    assert.equal(resolveUri('deploy', '../base'), 'base');
    assert.equal(resolveUri('deploy', '../../base'), '../base');
    assert.equal(resolveUri('file:///repo', 'https://github.com/org/repo//deploy?ref=v1'), undefined);
    assert.equal(resolveUri('file:///repo', 'github.com/org/repo/deploy?ref=v1'), undefined);
  });

  it('reads generators, patches and namespace, and ignores files that are not kustomizations', () => {
    const ws = workspace();
    const file = ws.setFile(
      'file:///r/app/kustomization.yaml',
      'namespace: shop\nresources: [a.yaml, ../base]\npatches:\n  - path: p.yaml\n  - patch: "inline"\nconfigMapGenerator:\n  - name: cfg\n    literals: [K=v]\n    envs: [x.env]\nsecretGenerator:\n  - name: s\n    files: [tls.crt, key=tls.key]\n',
    );
    const k = file.kustomization;
    assert.ok(k);
    assert.deepEqual(k.includes, ['file:///r/app/a.yaml', 'file:///r/base']);
    assert.deepEqual(k.patches, ['file:///r/app/p.yaml']);
    assert.equal(k.namespace, 'shop');
    assert.deepEqual(k.generated.map((g) => [g.kind, g.name, g.keys]), [['ConfigMap', 'cfg', undefined], ['Secret', 's', ['key', 'tls.crt']]]);
    assert.equal(kustomizationOf(ws.setFile('file:///r/app/deploy.yaml', 'resources: [x]\n').parsed), undefined);
    assert.equal(kustomizationOf(ws.setFile('file:///r/kustomization.yaml', '- just a list\n').parsed), undefined);
  });

  it('editing a kustomization re-checks the files it builds and the readers of what it generates', () => {
    const ws = workspace();
    ws.setFile('file:///r/config.yaml', CONFIG);
    ws.setFile('file:///r/pod.yaml', POD('generated'));
    ws.setFile('file:///r/kustomization.yaml', 'resources: [pod.yaml, config.yaml]\n');
    assert.match(ids(ws, 'file:///r/pod.yaml').join('\n'), /configmap-ref-missing: configmap "generated" not found in namespace "default"/);

    ws.setFile('file:///r/kustomization.yaml', 'resources: [pod.yaml, config.yaml]\nconfigMapGenerator:\n  - name: generated\n    literals: [A=b]\n');
    assert.ok(ws.affectedBy('file:///r/kustomization.yaml').includes('file:///r/pod.yaml'));
    assert.deepEqual(ids(ws, 'file:///r/pod.yaml'), []);

    // A namespace moves the pod and the generated ConfigMap together.
    ws.setFile('file:///r/kustomization.yaml', 'namespace: shop\nresources: [pod.yaml]\nconfigMapGenerator:\n  - name: generated\n    literals: [A=b]\n');
    assert.ok(ws.affectedBy('file:///r/kustomization.yaml').includes('file:///r/pod.yaml'));
    assert.deepEqual(ids(ws, 'file:///r/pod.yaml'), []);

    // The generator lands in "shop" while the pod, now outside the build, is back in "default" beside another ConfigMap.
    ws.setFile('file:///r/config2.yaml', CONFIG.replace('other', 'other2'));
    ws.setFile('file:///r/kustomization.yaml', 'namespace: shop\nresources: [config.yaml]\nconfigMapGenerator:\n  - name: generated\n    literals: [A=b]\n');
    assert.ok(ws.affectedBy('file:///r/kustomization.yaml').includes('file:///r/pod.yaml'));
    assert.match(ids(ws, 'file:///r/pod.yaml').join('\n'), /ConfigMap "generated" is defined in namespace "shop", not in "default"/);

    ws.removeFile('file:///r/kustomization.yaml');
    assert.match(ids(ws, 'file:///r/pod.yaml').join('\n'), /configmap "generated" not found in namespace "default"/);
  });

  it('an overlay namespace wins over the base, and a base built into two namespaces keeps its own', () => {
    const ws = workspace();
    ws.setFile('file:///r/base/kustomization.yaml', 'namespace: base-ns\nresources: [pod.yaml]\n');
    ws.setFile('file:///r/base/pod.yaml', POD('x'));
    ws.setFile('file:///r/overlays/prod/kustomization.yaml', 'namespace: prod\nresources: [../../base]\n');
    ws.setFile('file:///r/prod-config.yaml', CONFIG.replace('name: other', 'name: other\n  namespace: prod'));
    assert.match(ids(ws, 'file:///r/base/pod.yaml').join('\n'), /not found in namespace "prod"/);
    ws.setFile('file:///r/overlays/dev/kustomization.yaml', 'namespace: dev\nresources: [../../base]\n');
    // Built into prod and dev: no single namespace is true, so the file keeps its own (default), where no ConfigMap is defined.
    assert.deepEqual(ids(ws, 'file:///r/base/pod.yaml'), []);
  });

  it('a reference into a namespace the workspace has none of is advice, and only while the file has one namespace', () => {
    const ws = workspace();
    ws.setFile('file:///r/base/kustomization.yaml', 'resources: [pod.yaml]\n');
    ws.setFile('file:///r/base/pod.yaml', POD('x'));
    ws.setFile('file:///r/overlays/plain/kustomization.yaml', 'resources: [../../base]\n');
    const advice = (): string[] => ws.diagnostics('file:///r/base/pod.yaml').map((d) => `${d.severity} ${d.ruleId}`);
    assert.match(ids(ws, 'file:///r/base/pod.yaml').join('\n'), /ConfigMap "x" is not defined in this workspace, which has no ConfigMaps in namespace "default"/);
    assert.deepEqual(advice(), ['info configmap-ref-missing']);
    // Built into dev too: no namespace is the file's, so nothing is said. The file's fallback namespace stays
    // "default" throughout, so only the index's settled-namespace topic can tell its readers.
    ws.setFile('file:///r/overlays/dev/kustomization.yaml', 'namespace: dev\nresources: [../../base]\n');
    assert.ok(ws.affectedBy('file:///r/overlays/dev/kustomization.yaml').includes('file:///r/base/pod.yaml'));
    assert.deepEqual(advice(), []);
    ws.removeFile('file:///r/overlays/dev/kustomization.yaml');
    assert.deepEqual(advice(), ['info configmap-ref-missing']);
  });

  it('a kustomize patch is no object of its own: no duplicate, no missing required fields', () => {
    const ws = workspace();
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n';
    ws.setFile('file:///r/patch.yaml', dep);
    assert.ok(ws.diagnostics('file:///r/patch.yaml').some((d) => d.ruleId === 'schema-required'));
    ws.setFile('file:///r/kustomization.yaml', 'patches:\n  - path: patch.yaml\n');
    assert.ok(ws.affectedBy('file:///r/kustomization.yaml').includes('file:///r/patch.yaml'));
    assert.deepEqual(ids(ws, 'file:///r/patch.yaml'), []);
  });
});
