import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as podspec from '../../server/src/simulator/controllers/podspec';
import { simulateReapply, simulateSources, streamJson, type RunOptions, type SimResult, type SourceText } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';
import { fromRoot, SHARED } from '../helpers/paths';
import { clusterOf, readInputs } from './helpers';

/**
 * Pods share the parts of their template's spec that nothing writes
 * (controllers/podspec.ts), and a Deployment's ReplicaSets share its
 * template's spec. That holds only while no code writes into a stored
 * template once pods are made from it. Here every template spec is frozen
 * (deeply) the moment a pod is made from it, and every golden case, the
 * re-apply cases and the corpus apps are simulated: a write anywhere into a
 * template, through a pod or otherwise, throws (modules are strict), and the
 * output must be byte-identical to a run without freezing.
 */
function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
}

const json = (r: unknown): string => {
  let s = '';
  streamJson(r, (piece) => (s += piece));
  return s;
};

function withFrozenTemplates<T>(run: () => T): T {
  const original = podspec.podSpecFromTemplate;
  (podspec as { podSpecFromTemplate: typeof original }).podSpecFromTemplate = (spec) => {
    deepFreeze(spec);
    return original(spec);
  };
  try {
    return run();
  } finally {
    (podspec as { podSpecFromTemplate: typeof original }).podSpecFromTemplate = original;
  }
}

interface Case {
  name: string;
  run: () => unknown;
}

function cases(): Case[] {
  const out: Case[] = [];
  const root = fromRoot('test', 'simulator', 'cases');
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    const opts: RunOptions = { seed: 1, ...(fs.existsSync(path.join(dir, 'cluster.yaml')) ? { cluster: clusterOf(path.join(dir, 'cluster.yaml')) } : {}) };
    const input = readInputs(path.join(dir, 'input'));
    if (fs.existsSync(path.join(dir, 'old'))) {
      const old = readInputs(path.join(dir, 'old'));
      out.push({ name, run: () => simulateReapply(testEngine(), old, input, opts) });
    } else out.push({ name, run: () => simulateSources(testEngine(), input, opts) });
  }
  const corpus = path.join(SHARED, 'corpus', 'microservices-demo', 'release', 'kubernetes-manifests.yaml');
  if (fs.existsSync(corpus)) {
    const files: SourceText[] = [{ source: 'kubernetes-manifests.yaml', text: fs.readFileSync(corpus, 'utf8') }];
    out.push({ name: 'online boutique', run: () => simulateSources(testEngine(), files, { seed: 1 }) });
  }
  return out;
}

describe('templates stay unwritten once pods share them', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const plain = json(c.run() as SimResult);
      const frozen = json(withFrozenTemplates(c.run) as SimResult);
      assert.equal(frozen, plain);
    });
  }

  it('the freezing reaches the simulator (a pod is made through the patched function)', () => {
    let calls = 0;
    const original = podspec.podSpecFromTemplate;
    (podspec as { podSpecFromTemplate: typeof original }).podSpecFromTemplate = (spec) => {
      calls++;
      return original(spec);
    };
    try {
      simulateSources(testEngine(), readInputs(fromRoot('test', 'simulator', 'cases', 'deployment-service', 'input')), { seed: 1 });
    } finally {
      (podspec as { podSpecFromTemplate: typeof original }).podSpecFromTemplate = original;
    }
    assert.ok(calls > 0);
  });
});
