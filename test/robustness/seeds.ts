import fs from 'node:fs';
import path from 'node:path';
import { fromRoot, SHARED } from '../helpers/paths';

/** Seed texts for the fuzz tests: the corpus when it is there, the repository's own YAML otherwise. */
export function seeds(maxBytes = 200_000): string[] {
  const roots = [path.join(SHARED, 'corpus'), fromRoot('test'), fromRoot('examples')].filter((d) => fs.existsSync(d));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name) && fs.statSync(p).size < maxBytes) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  roots.forEach(walk);
  return out.length ? out : ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n'];
}
