// Starts and stops code-server (a real VS Code with a Node extension host) for the tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.stickyScroll.enabled': false,
  'workbench.layoutControl.enabled': false,
  'files.autoSave': 'off',
};

/** A profile folder for one code-server: user data (with quiet settings) and extensions. */
export function makeProfile(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  return { dir, userData: path.join(dir, 'user-data'), extensions: path.join(dir, 'extensions'), xdg: path.join(dir, 'xdg') };
}

function env(tools, profile, extra = {}) {
  // code-server's config, logs and caches stay in the profile, never in $HOME.
  return {
    ...process.env,
    PATH: `${tools.nodeBin}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(profile.xdg, 'config'),
    XDG_DATA_HOME: path.join(profile.xdg, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdg, 'cache'),
    ...extra,
  };
}

const dirs = (profile) => ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];

/** `code-server --install-extension FILE`; returns the installed `id@version` list. */
export function installExtension(tools, profile, vsix) {
  const r = spawnSync(tools.codeServer, [...dirs(profile), '--install-extension', vsix], { env: env(tools, profile), encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const list = spawnSync(tools.codeServer, [...dirs(profile), '--list-extensions', '--show-versions'], { env: env(tools, profile), encoding: 'utf8', timeout: 120_000 });
  return list.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts code-server on a free loopback port in its own process group (setsid),
 * so stop() can end it and every child it spawned (extension host, language server).
 * `extraEnv` reaches the extension host, which inherits code-server's environment.
 * `testDriver` lets the workbench run extension tests from its URL (tier 1); it also hides notification toasts.
 */
export async function startCodeServer(tools, profile, { folder, log, extraEnv = {}, testDriver = false }) {
  const port = await freePort();
  const out = fs.openSync(log, 'w');
  const args = [
    tools.codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), ...dirs(profile), folder,
  ];
  const child = spawn('setsid', args, { env: env(tools, profile, extraEnv), stdio: ['ignore', out, out], detached: false });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    // setsid execs code-server in place, so the child's pid is the process group id.
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        return; // the group is gone
      }
      if (signal === 'SIGTERM') spawnSync('sleep', ['1']);
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; see ${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${url} within 90 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}
