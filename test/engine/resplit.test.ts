import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ChunkCache, documentStarts, parseChunk, parseYamlFile, type ParsedFile } from '../../server/src/engine/yaml/parse';

/**
 * Issue 6: a new version of a file is cut from the previous one's documents,
 * re-scanning only around the edit. A stale cut is worse than a slow one, so
 * every random edit is compared with cutting and parsing the text from scratch.
 */
const PIECES = ['---\n', '--- \n', '---', '# note\n', '%YAML 1.1\n', '\n', 'a: 1\n', 'kind: ConfigMap\n', '  b: [x, y]\n', '-', '--', '- item\n', '\uFEFF', 'x', ':', '...\n', 'data:\n  k: "v"\n'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomText(r: () => number, n: number): string {
  let t = '';
  for (let i = 0; i < n; i++) t += PIECES[Math.floor(r() * PIECES.length)];
  return t;
}

function edit(r: () => number, text: string): string {
  const at = Math.floor(r() * (text.length + 1));
  const len = Math.floor(r() * Math.min(12, text.length - at + 1));
  const insert = r() < 0.3 ? '' : randomText(r, 1 + Math.floor(r() * 3));
  return text.slice(0, at) + insert + text.slice(at + len);
}

function assertSameAsFresh(file: ParsedFile, text: string, context: string): void {
  const starts = documentStarts(text);
  assert.deepEqual(file.documents.map((d) => d.start), starts, `${context}: document starts`);
  for (const d of file.documents) {
    assert.equal(d.text, text.slice(d.start, d.end), `${context}: text of document ${d.index}`);
    const fresh = parseChunk(d.text);
    assert.deepEqual(d.parsed.value, fresh.value, `${context}: value of document ${d.index}`);
    assert.deepEqual(d.parsed.problems, fresh.problems, `${context}: problems of document ${d.index}`);
  }
}

describe('cutting a new version from the previous one', () => {
  it('equals cutting and parsing from scratch after random edits', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed);
      const cache = new ChunkCache();
      let text = randomText(r, 40);
      let file = parseYamlFile('file:///f.yaml', text, cache);
      for (let step = 0; step < 30; step++) {
        text = edit(r, text);
        file = parseYamlFile('file:///f.yaml', text, cache, file);
        assertSameAsFresh(file, text, `seed ${seed}, step ${step}`);
      }
    }
  });

  it('keeps the parsed documents the edit did not touch', () => {
    const doc = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
    const before = [doc('a'), doc('b'), doc('c')].join('---\n');
    const cache = new ChunkCache();
    const old = parseYamlFile('file:///f.yaml', before, cache);
    const after = before.replace('name: b', 'name: bb');
    const now = parseYamlFile('file:///f.yaml', after, cache, old);
    assert.equal(now.documents[0].parsed, old.documents[0].parsed);
    assert.notEqual(now.documents[1].parsed, old.documents[1].parsed);
    assert.equal(now.documents[2].parsed, old.documents[2].parsed);
    assert.equal(now.documents[2].start, old.documents[2].start + 1);
  });

  it('lets superseded versions of edited documents go', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cache = new ChunkCache(4);
    const body = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\ndata:\n  v: "${i}"\n`;
    let file = parseYamlFile('file:///f.yaml', body(0), cache);
    for (let i = 1; i <= 50; i++) file = parseYamlFile('file:///f.yaml', body(i), cache, file);
    // WeakRefs hold their targets until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.ok(cache.liveSize() <= 5, `${cache.liveSize()} parsed documents still alive; the file holds 1 and the cache keeps the last 4`);
    assert.equal(file.documents[0].parsed.value && (file.documents[0].parsed.value as { data: { v: string } }).data.v, '50');
  });
});
