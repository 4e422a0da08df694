import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admitPod, defaultPodTemplate } from '../../server/src/simulator/apiserver/defaults-pod';
import { podSpecFromTemplate } from '../../server/src/simulator/controllers/podspec';
import { clone, type Dict } from '../../server/src/simulator/obj';

/** A template spec with every part admission writes, left undefaulted (as a ReplicationController's is). */
const spec = (): Dict => ({
  containers: [
    {
      name: 'web',
      image: 'nginx',
      env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'a' } } }],
      ports: [{ containerPort: 80 }, { containerPort: 81, protocol: 'UDP' }],
      resources: { limits: { cpu: '1', memory: '1Gi' } },
      readinessProbe: { httpGet: { path: '/', port: 80 } },
      livenessProbe: { exec: { command: ['true'] } },
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    },
    'not a container',
  ],
  initContainers: [{ name: 'init', image: 'busybox:latest', resources: { requests: { cpu: '10m' } } }],
  volumes: [{ name: 'data', emptyDir: null }, { name: 's', secret: { secretName: 's' } }, { name: 'c', configMap: { name: 'c' } }],
  tolerations: [{ key: 'k', operator: 'Exists' }],
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
  nodeSelector: { disk: 'ssd' },
  dropped: undefined,
});

describe('podSpecFromTemplate', () => {
  it('equals a JSON copy of the template spec', () => {
    for (const s of [spec(), {}, { containers: [] }, JSON.parse('{"__proto__": {"x": 1}, "containers": [{"__proto__": 1, "name": "c"}]}') as Dict]) {
      const got = podSpecFromTemplate(s);
      assert.equal(JSON.stringify(got), JSON.stringify(s));
      assert.deepStrictEqual(got, JSON.parse(JSON.stringify(s)));
    }
  });

  it('leaves the template as it was when a pod made from it is admitted, defaulted or not', () => {
    for (const defaulted of [false, true]) {
      const template = { metadata: {}, spec: spec() };
      if (defaulted) defaultPodTemplate(template);
      const before = JSON.stringify(template);
      for (const suffix of ['abcde', 'fghij']) {
        const pod = podSpecFromTemplate(template.spec);
        const copy = clone(pod);
        admitPod(pod, suffix, true);
        admitPod(copy, suffix, true);
        assert.equal(JSON.stringify(pod), JSON.stringify(copy), 'a pod is admitted as its deep copy would be');
        pod.nodeName = 'node-1';
      }
      assert.equal(JSON.stringify(template), before);
    }
  });
});
