// Bench: the Red Hat yaml-language-server (devDependency) on the same files,
// with the Kubernetes schema it would download, served offline from
// ../shared/bench/k8s-schema-v1.34.0-strict/ (SOURCE.md there: the client
// registers for content requests and answers `vscode/content` for the schema
// URLs). Same measurements as for Kubesim's server, fewer keystroke samples:
// each of its keystrokes takes seconds on the largest file.
//   node scripts/bench/yaml-language-server.mjs FILE.yaml [samples]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, positionAt } from './lsp-client.mjs';
import { percentile } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_DIR = path.resolve(root, '..', 'shared', 'bench', 'k8s-schema-v1.34.0-strict');
const SCHEMA_BASE = 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.34.0-standalone-strict/';

/** The server's entry point, or undefined when the devDependency or the schema is missing. */
export function yamlLanguageServer() {
  try {
    const pkg = require.resolve('yaml-language-server/package.json', { paths: [root] });
    const bin = path.join(path.dirname(pkg), 'bin', 'yaml-language-server');
    return fs.existsSync(bin) && fs.existsSync(path.join(SCHEMA_DIR, 'all.json')) ? bin : undefined;
  } catch {
    return undefined;
  }
}

export async function measureYlsp(file, { samples = 10 } = {}) {
  const bin = yamlLanguageServer();
  if (!bin) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const client = new LspClient(process.execPath, [bin, '--stdio']);
  client.settings = { schemas: { [SCHEMA_BASE + 'all.json']: '*.yaml' }, validate: true, completion: true, hover: true, schemaStore: { enable: false } };
  client.conn.onRequest('vscode/content', (uri) => fs.readFileSync(path.join(SCHEMA_DIR, String(uri).slice(SCHEMA_BASE.length).split('#')[0]), 'utf8'));
  await client.initialize(null, {});
  client.conn.sendNotification('yaml/registerContentRequest');
  const uri = pathToFileURL(file).href;
  const open = await client.openTimed(uri, text);
  const mid = text.indexOf('replicas: ', Math.floor(text.length / 2));
  const spot = (mid < 0 ? text.indexOf('replicas: ') : mid) + 'replicas: '.length;
  const pos = positionAt(text, spot);
  const keys = await client.typeDigits(uri, pos, samples);
  const completionPos = positionAt(text, text.indexOf('      containers:', spot) + 6);
  const hoverPos = { line: pos.line, character: pos.character - 4 };
  const completions = [];
  const hovers = [];
  for (let i = 0; i < samples; i++) {
    let t0 = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: completionPos });
    completions.push(performance.now() - t0);
    t0 = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: hoverPos });
    hovers.push(performance.now() - t0);
  }
  const rss = client.peakRssMb();
  await client.shutdown();
  return { open, keyP50: percentile(keys, 50), keyP95: percentile(keys, 95), compP50: percentile(completions, 50), compP95: percentile(completions, 95), hoverP50: percentile(hovers, 50), hoverP95: percentile(hovers, 95), rss };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, samples] = process.argv.slice(2);
  console.log(JSON.stringify(await measureYlsp(file, { samples: Number(samples ?? 10) })));
}
