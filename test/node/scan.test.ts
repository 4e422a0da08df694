import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { excludeMatcher, isIndexable, readManifest, walkYaml } from '../../server/src/node/scan';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('workspace scanner (shared by the CLI and the language server)', () => {
  let dir = '';
  const write = (rel: string, text = CM): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const rel = (p: string): string => path.relative(dir, p).split(path.sep).join('/');
  const walk = (globs: string[] = []): string[] => [...walkYaml(dir, { base: dir, globs })].map((e) => (e.kind === 'file' ? rel(e.path) : `error ${rel(e.path)}`));

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-scan-')));
    write('a/x.yaml');
    write('b.yml');
    write('c/d/e.YAML');
    write('.kubesim.yaml', 'rules: {}\n');
    write('notes.txt');
    write('node_modules/p/x.yaml');
    write('.git/x.yaml');
    write('chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
    write('chart/templates/deploy.yaml');
    write('chart/templates/sub/deploy.yaml');
    write('gen/out.yaml');
    write('a/x.generated.yaml');
    // A loop: a/loop -> the workspace root; and a link to a real folder outside the walk's order.
    fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'c'), path.join(dir, 'linked'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.yaml'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks YAML files in kubectl order, following links to folders once and ending link loops', () => {
    assert.deepEqual(walk(), ['a/x.generated.yaml', 'a/x.yaml', 'b.yml', 'c/d/e.YAML', 'chart/Chart.yaml', 'gen/out.yaml']);
  });

  it('applies exclude globs: with a slash from the root, without one by name at any depth', () => {
    // linked/ leads to the excluded c/ but is a path of its own: globs match the paths the walk sees.
    assert.deepEqual(walk(['gen/**', '*.generated.yaml', 'c']), ['a/x.yaml', 'b.yml', 'chart/Chart.yaml', 'linked/d/e.YAML']);
  });

  it('matches a folder glob against the files under it, beside name globs', () => {
    const excluded = excludeMatcher({ base: dir, globs: ['drafts/**', '*.generated.yaml'] });
    assert.equal(excluded(path.join(dir, 'drafts/extra.yaml')), true);
    assert.equal(excluded(path.join(dir, 'a/b.generated.yaml')), true);
    assert.equal(excluded(path.join(dir, 'a/drafts.yaml')), false);
  });

  it('decides single watched paths the way the walk does', () => {
    const ex = { base: dir, globs: ['gen/**'] };
    assert.equal(isIndexable(dir, path.join(dir, 'new/file.yaml'), ex), true);
    assert.equal(isIndexable(dir, path.join(dir, 'gen/file.yaml'), ex), false);
    assert.equal(isIndexable(dir, path.join(dir, 'node_modules/q/file.yaml'), ex), false);
    assert.equal(isIndexable(dir, path.join(dir, 'chart/templates/sub/new.yaml'), ex), false);
    assert.equal(isIndexable(dir, path.join(dir, '.kubesim.yaml'), ex), false);
    assert.equal(isIndexable(dir, path.join(dir, 'notes.txt'), ex), false);
    assert.equal(isIndexable(dir, path.join(os.tmpdir(), 'elsewhere.yaml'), ex), false);
  });

  it('reads text without a BOM, and refuses binary files and files over the size limit without reading them', () => {
    write('bom.yaml', '\ufeff' + CM);
    write('bin.yaml', 'apiVersion: v1\u0000');
    assert.deepEqual(readManifest(path.join(dir, 'bom.yaml')), { ok: true, text: CM });
    assert.deepEqual(readManifest(path.join(dir, 'bin.yaml')), { ok: false, reason: 'binary', message: 'it is a binary file, not YAML' });
    assert.equal(readManifest(path.join(dir, 'b.yml'), 10).ok, false);
    assert.deepEqual(readManifest(path.join(dir, 'missing.yaml')), { ok: false, reason: 'unreadable', message: 'no such file or directory' });
  });
});
