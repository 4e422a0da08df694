// Bench: the split layout (gen-workspace.mjs's apps/<app>/<kind>.yaml), as an
// editor works in it: the server indexes the folder, then one Deployment file
// is opened and edited. Measures open → first diagnostics and keystroke →
// diagnostics of that file with the whole workspace indexed (its cross-file
// rules read the other files), and the server's peak RSS.
// run.mjs calls measureSplit(); run on its own:
//   node scripts/bench/split-layout.mjs WORKSPACE_DIR [samples]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { indexedServer } from './index-workspace.mjs';
import { positionAt } from './lsp-client.mjs';
import { median, percentile } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One fresh server on WORKSPACE/apps: index, open the middle app's deployment.yaml, edit its replicas. */
export async function measureSplit(workspaceDir, { samples = 40 } = {}) {
  const apps = path.join(workspaceDir, 'apps');
  if (!fs.existsSync(apps)) return undefined;
  const names = fs.readdirSync(apps).filter((a) => fs.existsSync(path.join(apps, a, 'deployment.yaml'))).sort();
  if (names.length === 0) return undefined;
  const file = path.join(apps, names[Math.floor(names.length / 2)], 'deployment.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const { client, indexMs } = await indexedServer(path.join(root, 'dist', 'server.js'), apps);
  const uri = pathToFileURL(file).href;
  const open = await client.openTimed(uri, text);
  const keys = await client.typeDigits(uri, positionAt(text, text.indexOf('replicas: ') + 'replicas: '.length), samples);
  const rss = client.peakRssMb();
  await client.shutdown();
  return { apps: names.length, indexMs, open, keyP50: percentile(keys, 50), keyP95: percentile(keys, 95), rss };
}

/** Medians over `repeats` fresh servers. */
export async function measureSplitRepeated(workspaceDir, { repeats = 1, samples = 40 } = {}) {
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    const one = await measureSplit(workspaceDir, { samples });
    if (!one) return undefined;
    runs.push(one);
  }
  const pick = (k) => median(runs.map((x) => x[k]));
  return { indexMs: pick('indexMs'), open: pick('open'), keyP50: pick('keyP50'), keyP95: pick('keyP95'), rss: Math.max(...runs.map((x) => x.rss)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, samples] = process.argv.slice(2);
  console.log(JSON.stringify(await measureSplit(dir, { samples: Number(samples ?? 40) })));
}
