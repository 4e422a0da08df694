import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancelledError, readScope } from '../../server/src/lsp/simulateScope';

/**
 * The simulation scope is read many files at a time; what it hands on must
 * not depend on that: kubectl's order, unsaved text over the disk, and the
 * files it cannot apply reported as skipped, in order.
 */
describe('reading a simulation scope', () => {
  let dir: string;
  const names: string[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-scope-'));
    // More files than one batch, in folders, named so that the sorted order is not the creation order.
    for (let i = 99; i >= 0; i--) {
      const sub = `team-${i % 3}`;
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      const name = `${sub}/cm-${String(i).padStart(3, '0')}.yaml`;
      fs.writeFileSync(path.join(dir, name), i === 41 ? 'binary\u0000junk\n' : `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\n`);
      names.push(name);
    }
    names.sort();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const options = (overrides: Partial<Parameters<typeof readScope>[1]> = {}): Parameters<typeof readScope>[1] => ({
    exclude: [],
    maxFileSize: 1_000_000,
    openText: () => undefined,
    cancelled: () => false,
    ...overrides,
  });

  it('keeps kubectl\'s order across batches, with open documents\' text and the skipped files in place', async () => {
    const edited = pathToFileURL(path.join(dir, 'team-2', 'cm-065.yaml')).href;
    const scope = await readScope([pathToFileURL(dir).href], options({ openText: (uri) => (uri === edited ? 'kind: Edited\n' : undefined) }));
    assert.deepEqual(scope.skipped, ['team-2/cm-041.yaml']);
    assert.deepEqual(scope.files.map((f) => f.source), names.filter((n) => n !== 'team-2/cm-041.yaml'));
    assert.equal(scope.files.find((f) => f.uri === edited)?.text, 'kind: Edited\n');
    const other = scope.files.find((f) => f.source === 'team-0/cm-099.yaml');
    assert.equal(other?.text, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-99}\n');
    assert.equal(other?.uri, pathToFileURL(path.join(dir, 'team-0', 'cm-099.yaml')).href);
  });

  it('stops between batches once cancelled', async () => {
    let asked = 0;
    await assert.rejects(readScope([pathToFileURL(dir).href], options({ cancelled: () => ++asked > 1 })), CancelledError);
    assert.equal(asked, 2, 'the second batch was never read');
  });
});
