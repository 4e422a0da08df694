import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { containersOf, podSpecsOf } from '../../server/src/engine/k8s/podSpecs';
import { spanAt, type Resource } from '../../server/src/engine/k8s/resource';
import { RULES_BY_ID } from '../../server/src/engine/rules/registry';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { SHARED } from '../helpers/paths';

/**
 * kube-linter's end-to-end fixtures for its cross-reference checks
 * (corpus/kube-linter-fixtures, expectations in corpus/SOURCES.md, from
 * e2etests/bats-tests.sh). kube-linter lints each file on its own, so each file
 * is one Workspace here. `fire` lists the objects (Kind/name) a Kubesim rule
 * must report; every other object of the file must get none of these rules.
 */
interface Case {
  file: string;
  rules: string[];
  fire: string[];
  /** Why Kubesim deliberately differs from kube-linter here. */
  deviation?: string;
  /** kube-linter reports these per container: `fire` lists container names instead of objects. */
  perContainer?: boolean;
}

const CASES: Case[] = [
  { file: 'dangling-service.yml', rules: ['service-selector-no-match'], fire: ['Service/app1', 'Service/app2'] },
  { file: 'dangling-ingress.yml', rules: ['ingress-backend-missing-service', 'ingress-backend-port-mismatch'], fire: ['Ingress/missing-service', 'Ingress/bad-port'] },
  { file: 'non-existent-service-account.yml', rules: ['service-account-missing'], fire: ['Deployment/app', 'DeploymentConfig/app'] },
  {
    file: 'env-var-value-from.yml',
    rules: ['configmap-ref-missing', 'secret-ref-missing'],
    fire: ['Deployment/should-fire-secret', 'Deployment/should-fire-configmap', 'Deployment/should-fire-missing-configmap', 'Deployment/should-fire-missing-secret'],
  },
  { file: 'dangling-hpa.yml', rules: ['hpa-target-missing'], fire: ['HorizontalPodAutoscaler/hpa1'] },
  {
    file: 'dangling-networkpolicy.yml',
    rules: ['networkpolicy-selector-no-match'],
    fire: [],
    deviation: 'the file holds only the NetworkPolicy: with no pods of the namespace in the workspace, Kubesim assumes they are defined elsewhere and stays silent',
  },
  // Per-object rule of another engineer (the Deployment's own selector vs its template); DeploymentConfig is OpenShift's and not judged.
  { file: 'mismatching-selector.yml', rules: ['selector-mismatch'], fire: ['Deployment/app1'] },
  // Probe ports: a missing name and a UDP port are warnings; a number outside the declared ports is info (still reported).
  { file: 'liveness-port.yml', rules: ['probe-port-missing'], perContainer: true, fire: ['fire-deployment-name', 'fire-deployment-int', 'fire-deployment-udp', 'fire-stateful-name'] },
  { file: 'readiness-port.yml', rules: ['probe-port-missing'], perContainer: true, fire: ['fire-deployment-name', 'fire-deployment-int', 'fire-deployment-udp', 'fire-deployment-grpc'] },
  { file: 'startup-port.yml', rules: ['probe-port-missing'], perContainer: true, fire: ['fire-deployment-name', 'fire-deployment-int', 'fire-deployment-udp', 'fire-deployment-grpc'] },
];

/** The name of the container whose span holds an offset. */
function containerAt(resources: readonly Resource[], offset: number): string | undefined {
  for (const res of resources)
    for (const pod of podSpecsOf(res))
      for (const c of containersOf(pod)) {
        const span = spanAt(res, c.path);
        if (offset >= span.start && offset < span.end) return String(c.container.name);
      }
  return undefined;
}

const DIR = path.join(SHARED, 'corpus', 'kube-linter-fixtures', 'tests', 'checks');

for (const c of CASES) {
  test(`kube-linter fixture ${c.file}${c.deviation ? ' (deviation: ' + c.deviation + ')' : ''}`, (t) => {
    if (!fs.existsSync(DIR)) return t.skip(`corpus not found at ${DIR}`);
    const missing = c.rules.filter((r) => !RULES_BY_ID.has(r));
    if (missing.length) return t.skip(`rule(s) ${missing.join(', ')} not in the registry yet`);
    const ws = new Workspace(testEngine());
    const uri = path.join(DIR, c.file);
    const file = ws.setFile(uri, fs.readFileSync(uri, 'utf8'));
    const fired = new Set<string>();
    for (const d of ws.diagnostics(uri)) {
      if (!c.rules.includes(d.ruleId)) continue;
      const owner = file.resources.find((r) => d.span.start >= r.document.start && d.span.start < r.document.end);
      if (c.perContainer) fired.add(containerAt(file.resources, d.span.start) ?? `?@${d.span.start}`);
      else fired.add(owner ? `${owner.kind}/${owner.name}` : `?@${d.span.start}`);
      if (d.message.includes('Did you mean')) assert.ok(d.related?.length, `"did you mean" without related info: ${d.message}`);
    }
    assert.deepEqual([...fired].sort(), [...c.fire].sort());
  });
}
