import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { locatePath, nodeSpan, pairKeySpan, type PathSegment } from '../../server/src/engine/yaml/ast';
import { DIFFERENT_GROUND, onDifferentGround } from '../../server/src/engine/yaml/fastValue';
import { astBuilt, documentStarts, parseChunk, parseChunkWithAst, parseYamlFile, type ParsedChunk } from '../../server/src/engine/yaml/parse';
import { testEngine } from '../helpers/engine';
import { fromRoot, SHARED } from '../helpers/paths';
import { mulberry32, mutate } from '../robustness/mutate';
import { seeds } from '../robustness/seeds';

/**
 * The fast reader (engine/yaml/fastValue.ts) must give exactly what the
 * `yaml` path gives, or decline. For every document it accepts, the `yaml`
 * path must report no problem and build a deep-equal value, and the root
 * mapping must start where the AST says.
 */
function assertAgrees(text: string, label: string): boolean {
  const fast = parseChunk(text);
  if (astBuilt(fast)) return false; // declined: the `yaml` path read it
  const slow = parseChunkWithAst(text);
  const problems = slow.problems.filter((p) => p.code !== 'CONTROL_CHAR');
  assert.deepEqual(problems.map((p) => p.code), [], `${label}: the fast reader accepted a document the yaml path reports: ${JSON.stringify(text.slice(0, 200))}`);
  assert.deepStrictEqual(fast.value, slow.value, `${label}: values differ for ${JSON.stringify(text.slice(0, 200))}`);
  assert.deepEqual(fast.problems, slow.problems, `${label}: problems differ`);
  const root = slow.doc.contents as { range?: number[]; items?: unknown } | null;
  if (fast.rootStart !== undefined) assert.equal(fast.rootStart, root?.range?.[0], `${label}: root start`);
  return true;
}

const documentsOf = (text: string): string[] => {
  const starts = documentStarts(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
};

/** Every path to a scalar in the AST, with the scalar spans the events give: equal to the AST's whenever they answer. */
function assertSpansAgree(chunk: ParsedChunk, label: string): number {
  let answered = 0;
  const walk = (node: Node | null | undefined, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const p = [...path, pair.key.value === null ? '' : String(pair.key.value)];
        const loc = locatePath(chunk.doc.contents as Node, p);
        const key = chunk.scalarSpan!(p, 'key');
        if (key) {
          answered++;
          assert.deepEqual(key, loc.pair ? pairKeySpan(loc.pair) : undefined, `${label}: key span at ${p.join('.')}`);
        }
        walk(pair.value as Node, p);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, i]));
    else if (isScalar(node) && path.length) {
      const value = chunk.scalarSpan!(path, 'value');
      if (value) {
        answered++;
        assert.deepEqual(value, nodeSpan(locatePath(chunk.doc.contents as Node, path).node), `${label}: value span at ${path.join('.')}`);
      }
    }
  };
  walk(chunk.doc.contents as Node, []);
  return answered;
}

describe('fast YAML reader agrees with the yaml path', () => {
  it('scalar spans from its events equal the AST ranges, on every corpus document', () => {
    let answered = 0;
    for (const [i, text] of seeds(2_000_000).entries())
      for (const doc of documentsOf(text)) {
        const chunk = parseChunk(doc);
        if (chunk.scalarSpan) answered += assertSpansAgree(chunk, `seed ${i}`);
      }
    assert.ok(answered > 1000, `only ${answered} spans came from events`);
  });

  it('on every document of the corpus and of the repository', (t) => {
    const pool = seeds(2_000_000);
    if (!fs.existsSync(path.join(SHARED, 'corpus'))) t.diagnostic('../shared/corpus is absent: only the repository YAML is compared');
    let accepted = 0;
    let total = 0;
    for (const [i, text] of pool.entries())
      for (const doc of documentsOf(text)) {
        total++;
        if (assertAgrees(doc, `seed ${i}`)) accepted++;
      }
    // Real manifests are what the fast path is for: most must take it.
    assert.ok(accepted > total * 0.8, `only ${accepted} of ${total} documents took the fast path`);
  });

  it('on thousands of seeded mutations of them, values and scalar spans', () => {
    const rng = mulberry32(20261123);
    const pool = seeds();
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      let text = pool[Math.floor(rng() * pool.length)];
      const rounds = 1 + Math.floor(rng() * 4);
      for (let r = 0; r < rounds; r++) text = mutate(text, rng);
      for (const doc of documentsOf(text)) {
        if (!assertAgrees(doc, `mutation ${i}`)) continue;
        accepted++;
        assertSpansAgree(parseChunk(doc), `mutation ${i}`);
      }
    }
    assert.ok(accepted > 1000, `the mutations exercised the fast path only ${accepted} times`);
  });

  it('on YAML 1.1 scalars as values and as keys, as kubectl reads them', () => {
    const scalars = ['yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'True', 'FALSE', '~', 'null', 'Null', 'NULL', '', '0644', '0o17', '0x1F', '0b101', '-0b1', '1_000', '+12', '-0', '012', '09', '1.5', '.5', '-.inf', '.Inf', '.NaN', '1e3', '1.0e+3', '6.02e23', '1:20', '1:20:30.5', '2001-12-14t21:59:43.10-05:00', '2002-12-14', '0.1.2', 'v1', '"quoted"', "'single'", '1.0', '100m', '64Mi', '0755', 'nul', 'yess', 'Off1', '-', '.', '+', '0x', '_1'];
    for (const s of scalars) {
      assertAgrees(`a: ${s}\n`, `value ${s}`);
      if (s !== '' && s !== '-') assertAgrees(`${s}: a\nb: 1\n`, `key ${s}`);
      assertAgrees(`a:\n  - ${s}\n`, `item ${s}`);
    }
  });

  it('declines what the two parsers may read differently, and the yaml path still reads it', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'base: &b {x: 1}\nc:\n  <<: *b\n',
      'a: 1\na: 2\n',
      'a:\n\tb: 1\n',
      'a: 1\rb: 2\n',
      '%YAML 1.1\n---\na: 1\n',
      'a: 1\n...\nb: 2\n',
      '  ---\napiVersion: v1\n',
      'a:\n :  name: x\n',
      '? [a]\n: 1\n',
    ];
    for (const text of declined) {
      const chunk = parseChunk(text);
      assert.ok(astBuilt(chunk), `the fast reader should decline ${JSON.stringify(text)}`);
      assert.deepStrictEqual(chunk.value, parseChunkWithAst(text).value);
    }
  });

  it('checking a valid manifest builds no AST; a finding on a scalar needs none; one on a collection builds its own document\'s only', () => {
    const engine = testEngine();
    const text = fs.readFileSync(fromRoot('examples', 'webapp', 'web.yaml'), 'utf8');
    const clean = parseYamlFile('file:///clean.yaml', text);
    assert.deepEqual(engine.checkFile(clean).filter((d) => d.severity !== 'hint' && d.severity !== 'info'), []);
    assert.ok(clean.documents.every((d) => !astBuilt(d.parsed)), 'a valid document was checked through its AST');
    const broken = parseYamlFile('file:///broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 99999\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: list\ndata:\n  - a\n');
    const diags = engine.checkFile(broken);
    const port = broken.text.indexOf('99999');
    assert.ok(diags.some((d) => d.severity === 'error' && d.span.start === port && d.span.end === port + 5), 'the error lands on the port');
    const seq = broken.text.indexOf('- a');
    assert.ok(diags.some((d) => d.severity === 'error' && d.span.start === seq), 'the error lands on the sequence');
    assert.deepEqual(broken.documents.map((d) => astBuilt(d.parsed)), [false, false, true]);
  });
});

describe('the substring guard before the different-ground regex', () => {
  it('answers exactly as the regex on the corpus, on mutations of it and on every trigger', () => {
    const triggers = ['a: <<\n', 'a: 1\rb: 2\n', 'a:\n\tb: 1\n', 'a:\n  \tb: 1\n', 'a: 1\n  ---\n', 'a: 1\n\t--- x\n', '...\n', 'a: 1\n  ... \n', 'a: "..."\n', 'a: x ---\n', 'a: 1\u2028  ---\n', 'a: 1\r  ...'];
    const rng = mulberry32(7);
    const texts = [...triggers];
    for (const seed of seeds(2_000_000)) {
      texts.push(...documentsOf(seed));
      let t = seed.slice(0, 4000);
      for (let r = 0; r < 20; r++) texts.push((t = mutate(t, rng)));
    }
    let matched = 0;
    for (const t of texts) {
      const expected = DIFFERENT_GROUND.test(t);
      if (expected) matched++;
      assert.equal(onDifferentGround(t), expected, JSON.stringify(t.slice(0, 200)));
    }
    assert.ok(matched >= triggers.length - 3, `the regex matched only ${matched} texts`);
  });
});
