#!/usr/bin/env node
// Extension activation cost outside VS Code: loads dist/extension.js with a
// stand-in `vscode` module (every API a no-op proxy) and times the require,
// which is what VS Code pays before activate() runs, and activate() up to
// the point where it hands over to the language client (the server's own
// start is measured as "open → first diagnostics"). Prints JSON in ms.
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const noop = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : noop),
  apply: () => noop,
  construct: () => noop,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? noop : load.call(this, request, ...rest);
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const ext = Module.createRequire(import.meta.url)(path.join(root, 'dist', 'extension.js'));
const required = performance.now() - t0;
const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extensionPath: root, extensionUri: noop, globalState: noop, workspaceState: noop };
const t1 = performance.now();
let activateSync = 0;
let error;
try {
  const p = ext.activate(context);
  activateSync = performance.now() - t1;
  // The client's start() talks to a real server process, which the stand-in cannot host; do not wait for it.
  Promise.resolve(p).catch(() => undefined);
} catch (e) {
  error = String(e?.message ?? e);
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ required, activateSync, cpu: (cpu.user + cpu.system) / 1000, error }) + '\n');
process.exit(0);
