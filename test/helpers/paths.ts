import fs from 'node:fs';
import path from 'node:path';

/** The repository root, from out/test/helpers (compiled) or test/helpers (source). */
export const REPO_ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** ../shared beside the repository (corpus, bench, reference cluster); may be absent. */
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

export const fromRoot = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);
