// Where the end-to-end tools live (outside the repository) and how to reach them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.KUBESIM_E2E_CACHE || path.join(os.homedir(), '.cache', 'kubesim-e2e');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Runs install-tools.sh (seconds when cached) and returns the tools' paths. */
export function ensureTools() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM to its path.`);
  }
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'e2e', 'install-tools.sh')], {
    env: { ...process.env, KUBESIM_E2E_CACHE: CACHE },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing the e2e tools failed (exit ${r.status}); logs in ${path.join(CACHE, 'logs')}`);
  const nodeBin = path.join(CACHE, 'node24', 'node_modules', 'node', 'bin');
  return {
    nodeBin,
    codeServer: path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server'),
    playwright: createRequire(path.join(CACHE, 'playwright', 'package.json'))('playwright-core'),
  };
}

/** Chromium options shared by both tiers: headless, no sandbox (root in CI), nothing phoning home. */
export function launchOptions(viewport = { width: 1440, height: 900 }) {
  return {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  };
}
