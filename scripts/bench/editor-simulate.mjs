// Bench: "Simulate Apply" in the editor. A fresh language server indexes the
// 1,000-app workspace's apps/ folder (one file per object), then answers the
// `kubesim/simulate` request the VS Code client sends for that folder, with
// the cluster from the kubesim.cluster setting. The time is the client's:
// request sent → whole response parsed, as the extension waits for it.
//   node scripts/bench/editor-simulate.mjs APPS_DIR CLUSTER.yaml [repeats] [SERVER.js]
// run.mjs calls measureEditorSimulate(); run on its own it prints one line.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { median, fmtMs } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function measureEditorSimulate(appsDir, clusterFile, { repeats = 5, server = path.join(root, 'dist', 'server.js') } = {}) {
  // Over Node IPC, as the VS Code client runs the server (client/src/languageClient.ts).
  const client = new LspClient(process.execPath, [server], { ipc: true });
  client.settings = { cluster: clusterFile };
  let ended;
  const indexed = new Promise((resolve) => (ended = resolve));
  client.conn.onNotification('$/progress', (p) => {
    if (p?.value?.kind === 'end') ended();
  });
  const rootUri = pathToFileURL(appsDir).href;
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  client.conn.sendNotification('initialized', {});
  await indexed;
  const times = [];
  let objects = 0;
  for (let r = 0; r < 1 + repeats; r++) {
    const t0 = performance.now();
    // As the VS Code client asks (client/src/settings.ts): without the last-applied annotations.
    const result = await client.conn.sendRequest('kubesim/simulate', { uris: [rootUri], exclude: [], secretValues: 'masked', lastApplied: false });
    times.push(performance.now() - t0);
    objects = result.objects.length;
  }
  await client.shutdown();
  return { first: times[0], again: median(times.slice(1)), repeats, objects };
}

export function describeEditorSimulate(r) {
  if (!r) return 'not measured';
  return `the first request ${fmtMs(r.first)}, again with nothing edited ${fmtMs(r.again)} (median of ${r.repeats}); ${r.objects.toLocaleString('en-US')} objects in the answer`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [appsDir, clusterFile, repeats, server] = process.argv.slice(2);
  process.on('uncaughtException', (e) => {
    if (e?.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  const result = await measureEditorSimulate(path.resolve(appsDir), path.resolve(clusterFile), { repeats: Number(repeats ?? 5), ...(server ? { server: path.resolve(server) } : {}) });
  process.stdout.write(`- Simulate Apply in the editor, ${path.basename(path.dirname(path.resolve(appsDir)))}: ${describeEditorSimulate(result)}\n`);
}
