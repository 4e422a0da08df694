// A minimal LSP client for the benchmark: spawns a server over stdio, as an
// editor does, and times requests. Reads peak RSS from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export class LspClient {
  /** `ipc: true` talks over Node's IPC channel (`--node-ipc`), as the VS Code client starts the server; stdio otherwise. */
  constructor(command, args, { cwd, env, ipc = false } = {}) {
    this.proc = spawn(command, ipc ? [...args, '--node-ipc'] : args, { cwd, env: { ...process.env, ...env }, stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'] });
    if (ipc) this.proc.stdout.on('data', () => {}); // the server's stdout is not the channel then: keep it drained
    this.proc.stderr.on('data', () => {});
    this.proc.stdin.on('error', () => {}); // the server may exit before our last notification
    this.conn = ipc
      ? rpc.createMessageConnection(new rpc.IPCMessageReader(this.proc), new rpc.IPCMessageWriter(this.proc))
      : rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.waiters = new Map(); // uri -> [{version, resolve}]
    this.latest = new Map(); // uri -> params
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.latest.set(p.uri, p);
      const list = this.waiters.get(p.uri) ?? [];
      const keep = [];
      for (const w of list) {
        if (w.version === undefined || p.version === undefined || p.version >= w.version) w.resolve(p);
        else keep.push(w);
      }
      this.waiters.set(p.uri, keep);
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => this.settings ?? {}));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification(() => {});
    this.conn.onRequest((method) => {
      if (method === 'vscode/content') return '';
      return null;
    });
    this.conn.listen();
  }

  async initialize(rootUri, initializationOptions) {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    this.conn.sendNotification('initialized', {});
  }

  diagnostics(uri, version) {
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
  }

  open(uri, text, version = 1) {
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri, version, changes) {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** didOpen, then the time until the file's first diagnostics (ms). */
  async openTimed(uri, text) {
    const t0 = performance.now();
    const got = this.diagnostics(uri, 1);
    this.open(uri, text, 1);
    await got;
    return performance.now() - t0;
  }

  /**
   * Keystrokes: replaces the one character at `pos` with a digit, `samples`
   * times, each time waiting for the diagnostics of that version; the
   * latencies in ms. Versions continue from `fromVersion`.
   */
  async typeDigits(uri, pos, samples, fromVersion = 1) {
    const times = [];
    for (let i = 0; i < samples; i++) {
      const version = fromVersion + i + 1;
      const t0 = performance.now();
      const got = this.diagnostics(uri, version);
      this.change(uri, version, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: String((i % 5) + 1) }]);
      await got;
      times.push(performance.now() - t0);
    }
    return times;
  }

  request(method, params) {
    return this.conn.sendRequest(method, params);
  }

  peakRssMb() {
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    setTimeout(() => this.proc.kill('SIGKILL'), 1000).unref();
    this.conn.dispose();
  }
}

/** The LSP position of a UTF-16 offset in `text`. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
