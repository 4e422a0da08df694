import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARED } from './paths';

/** ../shared/bench/gen-workspace.mjs: a realistic N-app workspace with the mistakes it planted. */
export const GENERATOR = path.join(SHARED, 'bench', 'gen-workspace.mjs');

/** Where a planted mistake is, in one layout (all.yaml, or the split apps/ files). */
export interface Place {
  file: string;
  /** 0-based document index within the file. */
  doc: number;
  /** 1-based. */
  line: number;
}

export interface Mistake {
  id: number;
  scope: string;
  kind: string;
  detail: string;
  yamlPath: string;
  resource: { kind: string; namespace: string; name: string };
  all: Place;
  split: Place;
}

/** Generates a workspace into a new temporary folder; the caller removes it. */
export function generateWorkspace(apps: number, extraArgs: string[] = []): { dir: string; mistakes: Mistake[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-gen-'));
  const r = spawnSync(process.execPath, [GENERATOR, String(apps), dir, ...extraArgs], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const mistakes = (JSON.parse(fs.readFileSync(path.join(dir, 'mistakes.json'), 'utf8')) as { mistakes: Mistake[] }).mistakes;
  return { dir, mistakes };
}
