// Tier 1: runs the mocha suite (extensionTestsPath) inside code-server's extension host.
// The workbench runs extension tests when its URL carries a `payload` with
// extensionDevelopmentPath and extensionTestsPath (honoured under the smoke-test
// driver option), and reports the end through window.codeAutomationExit(code).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchOptions } from './tools.mjs';

// Workbench chatter that says nothing about the extension under test.
const NOISE = /open-vsx|ENOTFOUND|Service Worker|AccountPolicyGate|connection token|Creating a socket|grace-time|builtin extensions cache|AgentHost|authentication provider|^\s+at /;

export async function runExtensionHostTests({ tools, url, folder, extensionPath, testsPath, screenshot, timeoutMs = 900_000, log = console.log }) {
  const host = new URL(url).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsPath}`],
  ];
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-e2e-chromium-'));
  const context = await tools.playwright.chromium.launchPersistentContext(profile, launchOptions());
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args ?? []));
      if (!NOISE.test(line)) log(`  ${line.slice(0, 2000)}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    // The machines this runs on can be slow and shared: loading the workbench gets a generous guard.
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 180_000, waitUntil: 'domcontentloaded' });
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
    if (code === 'timeout') throw new Error(`the extension-host tests did not finish within ${timeoutMs / 1000} s`);
    return code;
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
