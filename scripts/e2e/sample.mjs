// The sample app the UI tier works on (examples/ in the repository), and where in it to make a typo.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './tools.mjs';

const yamlFiles = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });

/** KUBESIM_E2E_SAMPLE, or the first folder under examples/ that holds manifests. */
export function findSample() {
  if (process.env.KUBESIM_E2E_SAMPLE) return path.resolve(ROOT, process.env.KUBESIM_E2E_SAMPLE);
  const examples = path.join(ROOT, 'examples');
  const dirs = fs.existsSync(examples) ? fs.readdirSync(examples, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(examples, e.name)).sort() : [];
  const sample = dirs.find((d) => yamlFiles(d).length > 0);
  if (!sample) throw new Error(`no sample app with manifests under ${examples} (set KUBESIM_E2E_SAMPLE to a folder of manifests)`);
  return sample;
}

/** The `containers:` key of the first Deployment: the UI test retypes it as `contaners:`. */
export function mistakeIn(folder) {
  for (const file of yamlFiles(folder)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    if (!lines.some((l) => /^kind:\s*Deployment\s*$/.test(l))) continue;
    const line = lines.findIndex((l) => /^\s*containers:\s*$/.test(l));
    if (line < 0) continue;
    return { file: path.relative(folder, file), line: line + 1, column: lines[line].indexOf('containers') + 1, key: 'containers', typo: 'contaners' };
  }
  throw new Error(`no Deployment with a "containers:" line under ${folder}`);
}
