import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { Workspace } from '../../server/src/engine/workspace';
import { testEngine } from '../helpers/engine';
import { SHARED } from '../helpers/paths';

const FIXTURES = path.join(SHARED, 'corpus', 'kubeconform-fixtures', 'fixtures');
const CRD = path.join(FIXTURES, 'registry', 'sagemaker.aws.amazon.com_trainingjobs.yaml');
const CR = path.join(FIXTURES, 'test_crd.yaml');

/**
 * The corpus's only CRD with a custom resource of its own is the SageMaker
 * TrainingJob CRD, written as apiextensions.k8s.io/v1beta1 (removed in 1.22).
 * Moved to the v1 layout (the schema under each version), as
 * `kubectl convert`-style upgrades do, it is a real-world schema of 400 lines;
 * the TrainingJob that kubeconform accepts against it must get no error, and a
 * misspelt field in it must.
 */
function asV1(text: string): string {
  const crd = parse(text) as { apiVersion: string; spec: Record<string, unknown> };
  const spec = crd.spec;
  const schema = (spec.validation as { openAPIV3Schema: unknown }).openAPIV3Schema;
  delete spec.validation;
  delete spec.version;
  delete spec.additionalPrinterColumns;
  delete spec.subresources;
  spec.versions = (spec.versions as Record<string, unknown>[]).map((v) => ({ ...v, schema: { openAPIV3Schema: schema } }));
  crd.apiVersion = 'apiextensions.k8s.io/v1';
  return stringify(crd);
}

test('a real CRD schema from the corpus accepts its valid custom resource and catches a typo', (t) => {
  if (!fs.existsSync(CRD) || !fs.existsSync(CR)) return t.skip(`corpus CRD not found under ${FIXTURES}`);
  const ws = new Workspace(testEngine());
  ws.setFile('file:///crd.yaml', asV1(fs.readFileSync(CRD, 'utf8')));
  const cr = fs.readFileSync(CR, 'utf8');
  ws.setFile('file:///cr.yaml', cr);
  const errors = (uri: string): string[] => ws.diagnostics(uri).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.ruleId}: ${d.message}`);
  assert.deepEqual(errors('file:///cr.yaml'), []);
  assert.ok(!ws.diagnostics('file:///cr.yaml').some((d) => d.ruleId === 'unknown-kind'), 'the TrainingJob is checked against its CRD');

  ws.setFile('file:///cr.yaml', cr.replace('instanceCount: 1', 'instanceCont: 1'));
  const found = errors('file:///cr.yaml');
  assert.equal(found.length, 2, found.join('\n')); // the unknown field, and instanceCount missing where the schema requires it
  assert.ok(found.some((m) => m.startsWith('schema-unknown-field') && m.includes('Did you mean "instanceCount"?')), found.join('\n'));
});
