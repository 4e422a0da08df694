import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readBlockYaml, scalarSpanOf, scalarSpansOf, spanKey, type ScalarSpans } from '../../server/src/engine/yaml/blockReader';
import { resolverFor } from '../../server/src/engine/yaml/fastValue';
import { documentStarts, parseChunk, parseChunkWithAst, scalarTags } from '../../server/src/engine/yaml/parse';
import { SHARED } from '../helpers/paths';
import { mulberry32, type Rng } from '../robustness/mutate';
import { seeds } from '../robustness/seeds';

/**
 * The block reader (engine/yaml/blockReader.ts) must give exactly what the
 * `yaml` path gives, or decline: for every document it reads, the `yaml` path
 * reports no problem, builds a deep-equal value, and its root mapping starts
 * where the reader says.
 */
const read = (text: string) => readBlockYaml(text, resolverFor(scalarTags()));

function agrees(text: string, label: string): boolean {
  const fast = read(text);
  if (!fast) return false;
  const slow = parseChunkWithAst(text);
  assert.deepEqual(slow.problems.map((p) => p.code), [], `${label}: the block reader read a document the yaml path reports: ${JSON.stringify(text.slice(0, 300))}`);
  assert.deepStrictEqual(fast.value, slow.value, `${label}: values differ for ${JSON.stringify(text.slice(0, 300))}`);
  const root = slow.doc.contents as { range?: number[]; items?: unknown } | null;
  const rootIsMap = fast.value !== null && typeof fast.value === 'object' && !Array.isArray(fast.value);
  assert.equal(fast.rootStart, rootIsMap ? root?.range?.[0] : -1, `${label}: root start of ${JSON.stringify(text.slice(0, 120))}`);
  // A document said to be null-free is validated without the null-dropping pass: the flag must be exact.
  assert.equal(fast.hasNull, holdsNull(slow.value), `${label}: hasNull of ${JSON.stringify(text.slice(0, 120))}`);
  return true;
}

function holdsNull(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  return Object.values(v as object).some(holdsNull);
}

const documentsOf = (text: string): string[] => {
  const starts = documentStarts(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
};

/** Edits that hit YAML's structure: indicators, indentation, quotes, block scalar headers, line breaks. */
const TOKENS = [' ', '  ', ':', ': ', ' #', '#', '- ', '-', '"', "'", '|', '>', '|-', '>-', '|+', '[', ']', '{', '}', ',', '\n', '\n  ', '\n- ', '? ', '&a ', '*a', '!', '\\', '\\n', '\\x4', '0x', '.5', 'yes', '~', '\r\n', '""', "''", '[]', '{}', 'a: b', '\n    ', ': |\n  x\n'];

function structuralMutation(text: string, rng: Rng): string {
  const at = Math.floor(rng() * (text.length + 1));
  const r = rng();
  if (r < 0.6) return text.slice(0, at) + TOKENS[Math.floor(rng() * TOKENS.length)] + text.slice(at);
  if (r < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rng() * 3));
  // Re-indent one line by -2..+2 spaces.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const shift = Math.floor(rng() * 5) - 2;
  return shift >= 0 ? text.slice(0, lineStart) + ' '.repeat(shift) + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(new RegExp(`^ {1,${-shift}}`), '');
}

describe('block YAML reader agrees with the yaml path', () => {
  it('on every document of the corpus and of the repository, and reads most of them', (t) => {
    if (!fs.existsSync(path.join(SHARED, 'corpus'))) t.diagnostic('../shared/corpus is absent: only the repository YAML is compared');
    let read = 0;
    let total = 0;
    for (const [i, text] of seeds(2_000_000).entries())
      for (const doc of documentsOf(text)) {
        total++;
        if (agrees(doc, `seed ${i}`)) read++;
      }
    // Manifests are what it is for: a reader that declined nearly everything would be correct and useless.
    assert.ok(read > total * 0.75, `only ${read} of ${total} documents were read by the block reader`);
  });

  it('on tens of thousands of structural mutations of real documents', () => {
    const rng = mulberry32(20261204);
    const pool = seeds().flatMap(documentsOf).filter((d) => d.length < 20_000);
    let read = 0;
    for (let i = 0; i < 30_000; i++) {
      let text = pool[Math.floor(rng() * pool.length)];
      const rounds = 1 + Math.floor(rng() * 3);
      for (let r = 0; r < rounds; r++) text = structuralMutation(text, rng);
      if (agrees(text, `mutation ${i}`)) read++;
    }
    assert.ok(read > 3000, `the mutations exercised the block reader only ${read} times`);
  });

  it('reads the forms manifests use, exactly as the yaml path does', () => {
    const cases = [
      'a: 1\nb: x\n',
      '---\na: 1\n',
      '# head\n---   # c\n\na: 1 # c\n# tail\n',
      'a:\n  b:\n    c: d\n  e: f\ng: h\n',
      'a:\n- 1\n- 2\nb: 3\n',
      'a:\n  - name: x\n    ports:\n    - 80\n    - 443\n  - name: y\n',
      '- a\n- b: c\n  d: e\n- - x\n  - y\n',
      'a  : 1\n"b c": 2\n\'d\': 3\n',
      'a: "x \\" \\\\ \\n \\t \\u00e9 \\x41 \\/"\nb: \'it\'\'s\'\nc: ""\n',
      'a: http://x:80/y\nb: a-b_c.d\nc: -1\nd: ?x\ne: :x\nf: a#b\ng: a [b] {c}, d\n',
      'a: [1, "two", \'three\', four]\nb: []\nc: {}\nd: {x: 1, "y": two}\ne: [ 80 ,443 ]\n',
      'a: |\n  line 1\n    indented\n\n  # not a comment\n  line 3\n\nb: 1\n',
      'a: |-\n  x\n  y\n\n\n',
      'a: >\n  folded\n  text\n\n  para\n\n\n  three\nb: >-\n  x\n  y\n',
      'a:\n  b: |\n    x\n  c: 1\n',
      '- |\n  x\n- >-\n  y\n',
      'a: |\n\n  after blank\n',
      'a:\nb: ~\nc: null\nd:   # comment\ne: yes\nf: 0644\ng: 1e3\nh: .inf\n',
      'yes: 1\n0x1F: 2\n1.0: 3\n',
      'a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  z\r\n',
      'a: 😀\nb: "é\\U0001F600"\n',
      '- \n- x\n-\n',
      '  a: 1\n  b: 2\n',
      'a: [x, ~]\nb: {c: null}\n',
      'a:\n  b:\n    - x\n    -\n',
      'a:\n  b: c\nd:\n',
    ];
    for (const text of cases) assert.ok(agrees(text, 'case'), `the block reader declined ${JSON.stringify(text)}`);
  });

  it('declines what is outside its subset, and the yaml path reads it', () => {
    const cases = [
      'a: x\n  y\n', // a multi-line plain scalar
      'a: "x\n  y"\n',
      "a: 'x\n  y'\n",
      'a: |+\n  x\n\n',
      'a: |2\n    x\n',
      'a: >\n  x\n    more\n  y\n',
      'a: |\n', // an empty block scalar
      'a:\n  x\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: [1, [2]]\n',
      'a: [\n  1]\n',
      'a: {b: {c: 1}}\n',
      'a: [a: 1]\n',
      'a: [1, ]\n',
      '? a\n: 1\n',
      'a: 1\na: 2\n',
      '~: 1\n',
      '__proto__: 1\n',
      'a:\n\tb: 1\n',
      'a: "\\q"\n',
      'x\n',
      '',
      '# only a comment\n',
      'a: b: c\n',
      'a:\n  - 1\n b: 2\n',
      'a: 1\n  b: 2\n',
      '--- a: 1\n',
      '%YAML 1.1\n---\na: 1\n',
      'a: \u0085\n',
      'a: x\uFEFF\n',
    ];
    for (const text of cases) {
      assert.equal(read(text), undefined, `the block reader should decline ${JSON.stringify(text)}`);
      parseChunkWithAst(text); // and the yaml path still answers (never throws)
    }
  });
});

/** Block-read corpus documents (from files up to `bytes` long) with the map of every scalar span and their value. */
function* mappedDocuments(bytes: number): Generator<{ doc: string; all: Map<string, ScalarSpans>; value: unknown }> {
  const resolve = resolverFor(scalarTags());
  for (const text of seeds(bytes)) {
    for (const doc of documentsOf(text)) {
      const all = scalarSpansOf(doc, resolve);
      const value = read(doc)?.value;
      if (all && value !== undefined) yield { doc, all, value };
    }
  }
}

describe('the span of one path', () => {
  it('is what the map of every span says of that path, on every document of the corpus', () => {
    const resolve = resolverFor(scalarTags());
    let compared = 0;
    for (const { doc, all, value } of mappedDocuments(2_000_000)) {
      // Every path to a node of the value, and one that is not there.
      const paths: (string | number)[][] = [['no such key']];
      const walk = (v: unknown, at: (string | number)[]): void => {
        if (at.length) paths.push(at);
        if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
      };
      walk(value, []);
      for (const p of paths.slice(0, 60)) {
        assert.deepEqual(scalarSpanOf(doc, resolve, p), all.get(spanKey(p)) ?? {}, `${JSON.stringify(p)} in ${JSON.stringify(doc.slice(0, 120))}`);
        compared++;
      }
    }
    assert.ok(compared > 100, `only ${compared} paths compared`);
  });

  it('answers a parsed document\'s span questions, asked again and in any order, as the map does', () => {
    // The document first reads one span up to its path and keeps it; later, other paths build the map.
    let compared = 0;
    for (const { doc, all, value } of mappedDocuments(300_000)) {
      if (typeof value !== 'object' || value === null) continue;
      const chunk = parseChunk(doc);
      const name = ['metadata', 'name'];
      const other = [Object.keys(value)[0] ?? 'kind'];
      for (const p of [name, name, other, name, ['no such key'], other]) {
        for (const part of ['value', 'key'] as const) {
          const want = all.get(spanKey(p));
          assert.deepEqual(chunk.scalarSpan?.(p, part), part === 'key' ? (want?.key ?? want?.value) : want?.value, `${part} of ${JSON.stringify(p)}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 100, `only ${compared} answers compared`);
  });
});
