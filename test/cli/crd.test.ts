import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot } from '../helpers/paths';

const CLI = fromRoot('dist', 'cli.js');

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: backups, kind: Backup}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                schedule: {type: string}
`;
const CR = (name: string, field: string): string => `apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: ${name}\nspec:\n  ${field}: "@daily"\n`;

let dir = '';

/** `kubesim check` over a folder whose CRD and custom resource live in different files. */
describe('kubesim check with a CRD in the workspace', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-crd-'));
    fs.mkdirSync(path.join(dir, 'crds'));
    fs.writeFileSync(path.join(dir, 'crds', 'backup.yaml'), CRD);
    fs.writeFileSync(path.join(dir, 'good.yaml'), CR('nightly', 'schedule'));
    fs.writeFileSync(path.join(dir, 'typo.yaml'), CR('weekly', 'schedul'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validates the custom resource against the CRD of another file', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stdout,
      [
        'typo.yaml:6:3: error schema-unknown-field: Unknown field "schedul" in spec (spec.schedul); the API server rejects it. Did you mean "schedule"?',
        `    ${path.join('crds', 'backup.yaml')}:17:13: note: spec in the schema of Backup v1 (CustomResourceDefinition backups.example.com)`,
        '1 error(s), 0 warning(s), 0 info',
        '',
      ].join('\n'),
    );
  });

  it('without the CRD, only notes that the kind is not checked', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'typo.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^typo\.yaml:2:7: info unknown-kind: Backup \(example\.com\/v1\) is a custom resource/);
  });
});
