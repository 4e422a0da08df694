import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definition } from '../../server/src/engine/features/navigation/definition';
import { references } from '../../server/src/engine/features/navigation/references';
import { APP, CONFIG, OTHER, SECRET_VALUES, SERVICES, URI, offsetOf, shopWorkspace, show } from './navWorkspace';

const ws = shopWorkspace();
const defAt = (uri: string, text: string, needle: string, nth = 0): string[] => show(definition(ws.view(), ws.getFile(uri)!.resources, offsetOf(text, needle, nth)));
const refsAt = (uri: string, text: string, needle: string, nth = 0, decl = false): string[] => show(references(ws.view(), ws.getFile(uri)!.resources, offsetOf(text, needle, nth), decl));

describe('go to definition', () => {
  it('goes from a Service selector to the labels of the pod templates it selects, in its namespace only', () => {
    assert.deepEqual(defAt(URI.services, SERVICES, 'selector:'), ['app.yaml:13:labels']);
    assert.deepEqual(defAt(URI.services, SERVICES, 'app: web'), ['app.yaml:14:app']);
    const otherService = OTHER.indexOf('kind: Service');
    assert.deepEqual(show(definition(ws.view(), ws.getFile(URI.other)!.resources, OTHER.indexOf('app: web', otherService) + 1)), ['other.yaml:14:app']);
  });

  it('goes from a workload selector (matchLabels) to its own template labels', () => {
    assert.deepEqual(defAt(URI.app, APP, 'app: web', 0), ['app.yaml:14:app']);
  });

  it('goes from a claimName to the PersistentVolumeClaim of the same namespace', () => {
    assert.deepEqual(defAt(URI.app, APP, 'claimName'), ['config.yaml:32:web-data']);
    assert.deepEqual(defAt(URI.other, OTHER, 'web-data'), ['other.yaml:53:web-data']);
  });

  it('goes from configMapRef, configMapKeyRef names and keys to the ConfigMap and its key', () => {
    assert.deepEqual(defAt(URI.app, APP, 'name: web-config', 0), ['config.yaml:4:web-config']);
    assert.deepEqual(defAt(URI.app, APP, 'name: web-config', 1), ['config.yaml:4:web-config']);
    assert.deepEqual(defAt(URI.app, APP, 'key: log-level'), ['config.yaml:7:log-level']);
    assert.deepEqual(defAt(URI.other, OTHER, 'web-config'), ['other.yaml:45:web-config']);
  });

  it('goes from a secretKeyRef to the Secret and to the key, never to its value', () => {
    assert.deepEqual(defAt(URI.app, APP, 'name: db-secret'), ['config.yaml:13:db-secret']);
    const key = definition(ws.view(), ws.getFile(URI.app)!.resources, offsetOf(APP, 'key: password'));
    assert.deepEqual(show(key), ['config.yaml:16:password']);
    for (const v of SECRET_VALUES) assert.ok(!show(key).join().includes(v));
  });

  it('goes from an Ingress backend to the Service and its named port, and from tls to the Secret', () => {
    assert.deepEqual(defAt(URI.services, SERVICES, 'name: web', 2), ['services.yaml:4:web']);
    assert.deepEqual(defAt(URI.services, SERVICES, 'name: http', 1), ['services.yaml:10:http']);
    assert.deepEqual(defAt(URI.services, SERVICES, 'secretName'), ['config.yaml:23:shop-tls']);
  });

  it('goes from a serviceAccountName to the ServiceAccount and from a named targetPort to the container port', () => {
    assert.deepEqual(defAt(URI.app, APP, 'serviceAccountName'), ['config.yaml:43:web-sa']);
    assert.deepEqual(defAt(URI.services, SERVICES, 'targetPort'), ['app.yaml:24:http']);
  });

  it('finds nothing for a name no object of the namespace has, and nothing outside a reference', () => {
    assert.deepEqual(defAt(URI.app, APP, 'registry'), []);
    assert.deepEqual(defAt(URI.app, APP, 'replicas'), []);
    assert.deepEqual(show(definition(ws.view(), ws.getFile(URI.app)!.resources, APP.length + 10)), []);
  });
});

describe('find references', () => {
  it('from pod template labels to every selector in the namespace that selects those pods', () => {
    assert.deepEqual(refsAt(URI.app, APP, 'labels:'), ['app.yaml:8:selector', 'services.yaml:7:selector']);
    assert.deepEqual(refsAt(URI.app, APP, 'app: web', 1), ['app.yaml:10:app', 'services.yaml:8:app']);
    assert.deepEqual(refsAt(URI.app, APP, 'tier'), [], 'no selector names tier');
    assert.deepEqual(refsAt(URI.other, OTHER, 'labels:'), ['other.yaml:37:selector', 'other.yaml:8:selector']);
  });

  it('from a ConfigMap, its key, and a Secret to the pod fields that read them', () => {
    assert.deepEqual(refsAt(URI.config, CONFIG, 'web-config'), ['app.yaml:28:web-config', 'app.yaml:33:web-config']);
    assert.deepEqual(refsAt(URI.config, CONFIG, 'log-level'), ['app.yaml:28:web-config', 'app.yaml:34:log-level'], 'envFrom reads every key');
    assert.deepEqual(refsAt(URI.config, CONFIG, 'db-secret', 0, true), ['app.yaml:38:db-secret', 'config.yaml:13:db-secret']);
    assert.deepEqual(refsAt(URI.config, CONFIG, 'password'), ['app.yaml:39:password']);
    assert.deepEqual(refsAt(URI.config, CONFIG, 'shop-tls'), ['services.yaml:22:shop-tls']);
    assert.deepEqual(refsAt(URI.other, OTHER, 'name: web-config', 1), ['other.yaml:25:web-config']);
  });

  it('from a Service and its port to the Ingress backends, and from a PVC and ServiceAccount to the pods', () => {
    assert.deepEqual(refsAt(URI.services, SERVICES, 'name: web', 0), ['services.yaml:30:web']);
    assert.deepEqual(refsAt(URI.services, SERVICES, 'port: 80'), ['services.yaml:32:http']);
    assert.deepEqual(refsAt(URI.config, CONFIG, 'name: web-data'), ['app.yaml:43:web-data']);
    assert.deepEqual(refsAt(URI.config, CONFIG, 'name: web-sa'), ['app.yaml:17:web-sa']);
    assert.deepEqual(refsAt(URI.other, OTHER, 'name: web-data', 0), ['other.yaml:29:web-data']);
  });

  it('never carries a Secret value', () => {
    const all = [...refsAt(URI.config, CONFIG, 'password', 0, true), ...refsAt(URI.config, CONFIG, 'token', 0, true), ...refsAt(URI.config, CONFIG, 'db-secret', 0, true)];
    for (const v of SECRET_VALUES) assert.ok(!all.join().includes(v), v);
  });
});
