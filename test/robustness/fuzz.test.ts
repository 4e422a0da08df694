import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/engine/diagnostic';
import { complete } from '../../server/src/engine/features/completion';
import { foldingSpans } from '../../server/src/engine/features/folding';
import { hover } from '../../server/src/engine/features/hover';
import { outline } from '../../server/src/engine/features/symbols';
import { simulateSources } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';
import { fromRoot } from '../helpers/paths';
import { hostileDocuments, mulberry32, mutate } from './mutate';
import { seeds } from './seeds';

const DOCUMENTS = 10_000;
const SEED = Number(process.env.KUBESIM_FUZZ_SEED ?? 20261123);

function assertInside(d: Diagnostic, text: string, label: string): void {
  assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${label}: ${d.ruleId} span ${d.span.start}-${d.span.end} outside 0-${text.length}`);
  for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `${label}: fix edit outside the document`);
}

/** Runs every engine entry point an editor would call on one text. */
function exercise(text: string, label: string, rng: () => number): void {
  const engine = testEngine();
  const file = engine.parse('file:///fuzz.yaml', text);
  const diags = engine.checkFile(file);
  for (const d of diags) {
    assertInside(d, text, label);
    assert.notEqual(d.ruleId, 'internal-error', `${label}: ${d.message}`);
  }
  outline(file);
  foldingSpans(file);
  const offset = Math.floor(rng() * (text.length + 1));
  complete(file, offset, engine.bundle);
  hover(file, offset, engine.bundle);
}

const APPLY_RESULTS = new Set(['created', 'configured', 'unchanged', 'rejected']);

/**
 * The simulator on the same text: it returns (never throws or hangs), says
 * for every applied object whether it was created or rejected, and ends
 * settled, or says which bound stopped it (ObjectsCapped, NotSettled, …).
 */
function simulateOnce(text: string, label: string, seed: number): void {
  const r = simulateSources(testEngine(), [{ source: 'fuzz.yaml', text }], { seed });
  for (const a of r.apply) assert.ok(APPLY_RESULTS.has(a.result), `${label}: apply result ${a.result}`);
  for (const l of r.limits) assert.ok(l.message.length > 0, `${label}: a limit without a message`);
  assert.ok(Array.isArray(r.objects) && r.objects.length > 0, `${label}: no cluster objects`);
}

describe('fuzz: the engine never throws and keeps every range inside the document', () => {
  it(`survives ${DOCUMENTS} seeded mutations of real manifests (seed ${SEED})`, () => {
    const rng = mulberry32(SEED);
    const pool = seeds();
    for (let i = 0; i < DOCUMENTS; i++) {
      let text = pool[Math.floor(rng() * pool.length)];
      const rounds = 1 + Math.floor(rng() * 4);
      for (let r = 0; r < rounds; r++) text = mutate(text, rng);
      try {
        exercise(text, `mutation ${i}`, rng);
        // The simulator is slower per document: every 10th mutation (1,000 in all) goes through it too.
        if (i % 10 === 0) simulateOnce(text, `mutation ${i}`, i);
      } catch (e) {
        fs.mkdirSync(fromRoot('.test-output'), { recursive: true });
        fs.writeFileSync(fromRoot('.test-output', `fuzz-failure-${i}.yaml`), text);
        throw new Error(`mutation ${i} (seed ${SEED}) failed; input saved in .test-output/fuzz-failure-${i}.yaml: ${(e as Error).stack}`);
      }
    }
  });

  for (const { name, text } of hostileDocuments()) {
    it(`survives ${name}`, () => {
      exercise(text, name, mulberry32(1));
      simulateOnce(text, name, 1);
    });
  }

  it('rejects an alias bomb instead of expanding it', () => {
    const bomb = hostileDocuments().find((d) => d.name === 'alias bomb')!;
    const diags = testEngine().checkFile(testEngine().parse('file:///bomb.yaml', bomb.text));
    assert.ok(diags.some((d) => d.ruleId === 'yaml-syntax' && /alias/i.test(d.message)), JSON.stringify(diags.map((d) => d.message)));
  });
});
