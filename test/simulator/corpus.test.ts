import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { simulateSources, type ClusterDescription, type SimResult } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';
import { SHARED } from '../helpers/paths';

/**
 * Acceptance over real-world manifests (../shared/corpus): every file the
 * index marks `valid` simulates without a crash and no valid object is
 * rejected, except for the reasons below, which a real cluster gives too.
 */
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'INDEX.tsv'));
const skip = present ? false : `${CORPUS} is absent (the shared corpus lives beside the repository)`;

/** Custom resources: `kubectl apply` answers "no matches for kind" until their CRD is installed, and these files ship without it. */
const CRD_REJECTION = /^error: resource mapping not found for name: "[^"]*" namespace: "[^"]*" from "[^"]*": no matches for kind "\w+" in version "([a-z0-9.-]+)\/\w+"/;
const BUILT_IN_GROUPS = /(^|\.)k8s\.io$/;
const CUSTOM_GROUPS_NOT_BUILT_IN = new Set(['gateway.networking.k8s.io']); // Gateway API: a CRD bundle, not served by a bare API server

/** Valid for `kubectl create`, not for `kubectl apply`, which needs a name to look the object up. */
const APPLY_NEEDS_A_NAME: Record<string, string> = {
  'kubeconform-fixtures/fixtures/generate_name.yaml': 'metadata.generateName without a name',
};

function validFiles(): string[] {
  return fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t')).filter((c) => c[3] === 'valid').map((c) => c[0]);
}

/** A file's objects may live in namespaces it does not create; the cluster has them, as the app's README assumes. */
function clusterFor(text: string): ClusterDescription {
  const names = new Set([...text.matchAll(/^\s+namespace:\s*["']?([a-z0-9-]+)["']?\s*$/gm)].map((m) => m[1]));
  return { namespaces: [...names].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })) };
}

function simulateFile(rel: string): SimResult {
  const text = fs.readFileSync(path.join(CORPUS, rel), 'utf8').replace(/^\uFEFF/, '');
  return simulateSources(testEngine(), [{ source: rel, text }], { cluster: clusterFor(text) });
}

describe('simulator over the real-world corpus', { skip }, () => {
  it('every valid file simulates, settles, and has no rejection but the explained ones', () => {
    const problems: string[] = [];
    let simulated = 0;
    for (const rel of validFiles()) {
      let r: SimResult;
      try {
        r = simulateFile(rel);
      } catch (e) {
        problems.push(`${rel}: crashed: ${(e as Error).stack}`);
        continue;
      }
      simulated++;
      for (const l of r.limits) problems.push(`${rel}: limit ${l.reason}: ${l.message}`);
      for (const a of r.apply.filter((x) => x.result === 'rejected')) {
        const crd = CRD_REJECTION.exec(a.message);
        if (crd && (!BUILT_IN_GROUPS.test(crd[1]) || CUSTOM_GROUPS_NOT_BUILT_IN.has(crd[1]))) continue;
        if (APPLY_NEEDS_A_NAME[rel] && /resource name may not be empty/.test(a.message)) continue;
        problems.push(`${rel}: ${a.kind} ${a.name} rejected: ${a.message}`);
      }
    }
    assert.ok(simulated > 100, `only ${simulated} valid files`);
    assert.deepEqual(problems, []);
  });

  it('Online Boutique settles: every Deployment has all its pods Running, every Service has endpoints', () => {
    const r = simulateFile('microservices-demo/release/kubernetes-manifests.yaml');
    assert.deepEqual(r.apply.filter((a) => a.result === 'rejected'), []);
    assert.deepEqual(r.limits, []);
    const deployments = r.objects.filter((o) => o.kind === 'Deployment');
    assert.ok(deployments.length >= 10, `${deployments.length} deployments`);
    for (const d of deployments) {
      const want = (d.spec as { replicas: number }).replicas;
      const status = d.status as { readyReplicas?: number; replicas?: number };
      assert.equal(status.readyReplicas, want, `deployment ${d.metadata.name}: ${JSON.stringify(status)}`);
      const pods = r.objects.filter((p) => p.kind === 'Pod' && p.metadata.namespace === d.metadata.namespace && p.metadata.labels?.app === d.metadata.labels?.app && p.metadata.name.startsWith(d.metadata.name + '-'));
      assert.equal(pods.length, want, `deployment ${d.metadata.name} pods`);
      for (const p of pods) assert.equal((p.status as { phase: string }).phase, 'Running', `pod ${p.metadata.name}`);
    }
    const services = r.objects.filter((o) => o.kind === 'Service' && o.metadata.name !== 'kubernetes');
    assert.ok(services.length >= 10);
    for (const s of services) {
      const ep = r.objects.find((o) => o.kind === 'Endpoints' && o.metadata.namespace === s.metadata.namespace && o.metadata.name === s.metadata.name);
      const ready = ((ep?.subsets ?? []) as { addresses?: unknown[] }[]).reduce((n, x) => n + (x.addresses?.length ?? 0), 0);
      assert.ok(ready > 0, `service ${s.metadata.name} has no ready endpoints`);
    }
  });
});
