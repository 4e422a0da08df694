import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveTag, parseImageRef } from '../../server/src/engine/k8s/image';
import { pullPolicyFor } from '../../server/src/simulator/apiserver/defaults-pod';

// parsers.ParseImageName: no tag and no digest means "latest"; SetDefaults_Container pulls "latest" Always.
const CASES: [image: string, tag: string | undefined, digest: string | undefined, effective: string | undefined, policy: string][] = [
  ['nginx', undefined, undefined, 'latest', 'Always'],
  ['nginx:latest', 'latest', undefined, 'latest', 'Always'],
  ['nginx:1.27', '1.27', undefined, '1.27', 'IfNotPresent'],
  ['localhost:5000/tools/wait', undefined, undefined, 'latest', 'Always'],
  ['localhost:5000/tools/wait:2.1', '2.1', undefined, '2.1', 'IfNotPresent'],
  ['registry.example.com/app@sha256:abc', undefined, 'sha256:abc', undefined, 'IfNotPresent'],
  // The tag is kept beside a digest, and ParseImageName reports it: the default policy follows the tag.
  ['registry.example.com/app:latest@sha256:abc', 'latest', 'sha256:abc', 'latest', 'Always'],
  ['registry.example.com/app:latest-2024.06', 'latest-2024.06', undefined, 'latest-2024.06', 'IfNotPresent'],
];

test('image references split into tag and digest as Kubernetes reads them, and default their pull policy', () => {
  for (const [image, tag, digest, effective, policy] of CASES) {
    assert.deepEqual(parseImageRef(image), { tag, digest }, image);
    assert.equal(effectiveTag(image), effective, image);
    assert.equal(pullPolicyFor(image), policy, image);
  }
});
