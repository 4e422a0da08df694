// Tier 2: what a person sees. Drives the real VS Code workbench (code-server, with
// the packaged VSIX installed) in Chromium, as a user would with keyboard and mouse,
// and saves a screenshot of every step. Each step waits for something visible;
// a step that cannot see it fails with what it was waiting for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const STEP_TIMEOUT_MS = 60_000;

/**
 * @param {object} o
 * @param {*} o.playwright  playwright-core
 * @param {object} o.launch  Chromium launch options
 * @param {string} o.url  code-server's address
 * @param {string} o.folder  the workspace (a copy of the sample app)
 * @param {{file: string, line: number, column: number, key: string, typo: string}} o.mistake  where to type a typo
 * @param {string[]} o.pods  pod names the simulation must show (from the CLI)
 * @param {Record<string,string>} o.commandTitles  command id -> palette title (from package.json)
 * @param {string} o.shots  screenshot folder
 * @returns {Promise<{name: string, ok: boolean, error?: string, shot?: string}[]>}
 */
export async function runWorkbenchSteps({ playwright, launch, url, folder, mistake, pods, commandTitles, shots, log = console.log }) {
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-e2e-chromium-'));
  const context = await playwright.chromium.launchPersistentContext(profile, launch);
  const page = context.pages()[0] ?? (await context.newPage());
  const results = [];
  let n = 0;
  // Steps depend on each other: after the first failure the rest are reported as not run.
  let blocked;
  const step = async (name, body) => {
    const shot = path.join(shots, `${String(++n).padStart(2, '0')}-${name}.png`);
    if (blocked) {
      results.push({ name, ok: false, error: `not run: step "${blocked}" failed` });
      return;
    }
    try {
      await body();
      await page.screenshot({ path: shot });
      results.push({ name, ok: true, shot });
      log(`  ok   ${name}`);
    } catch (e) {
      await page.screenshot({ path: shot.replace(/\.png$/, '-FAILED.png') }).catch(() => {});
      const error = String(e?.message ?? e).split('\n')[0];
      results.push({ name, ok: false, error });
      log(`  FAIL ${name}: ${error}`);
      blocked = name;
    }
  };
  const quickInput = page.locator('.quick-input-widget input');
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await quickInput.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await quickInput.fill(`>${text}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.click();
  };
  const editorText = page.locator('.monaco-editor .view-lines').first();

  try {
    await step('workbench', async () => {
      await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: 180_000, waitUntil: 'domcontentloaded' });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 180_000 });
    });

    await step('typo-squiggle', async () => {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await quickInput.fill(mistake.file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(mistake.file) }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: path.basename(mistake.file) }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await editorText.click();
      // Go to the key and retype it with a typo, as a person would.
      await page.keyboard.press('Control+G');
      await quickInput.fill(`:${mistake.line}:${mistake.column}`);
      await page.keyboard.press('Enter');
      for (let i = 0; i < mistake.key.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type(mistake.typo);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    });

    await step('problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: `Unknown field "${mistake.typo}"` }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    });

    await step('hover', async () => {
      // Back in the editor, the cursor stands on the typo: Show Hover (Ctrl+K Ctrl+I) opens what the mouse would.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover', { hasText: `Did you mean "${mistake.key}"?` }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      // The hover is complete once its status bar has found the quick fix.
      await page.locator('.monaco-hover', { hasText: 'Quick Fix' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    });

    await step('quick-fix', async () => {
      // The light bulb beside the typo offers the rename.
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .lightBulbWidget').first().click();
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: `Rename to "${mistake.key}"` }).first();
      await fix.waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.screenshot({ path: path.join(shots, 'quick-fix-menu.png') });
      await fix.click();
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      await page.keyboard.press('Control+J'); // close the panel: the next steps need the room
    });

    await step('simulated-cluster', async () => {
      await palette(commandTitles['kubesim.simulateApply']);
      // Open the Kubesim view container from the activity bar, as a person would.
      await page.locator('.activitybar .action-item a[aria-label^="Kubesim"]').first().click();
      const view = page.locator('.pane', { hasText: 'Simulated Cluster' }).first();
      await view.waitFor({ timeout: STEP_TIMEOUT_MS });
      // Widen the side bar so the rows can be read, by dragging its edge.
      const bar = await page.locator('.part.sidebar').boundingBox();
      if (bar) {
        await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(bar.x + 560, bar.y + bar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      // Expand collapsed nodes until each simulated pod is on screen.
      const visible = async (pod) => (await view.locator('.monaco-list-row', { hasText: pod }).count()) > 0;
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        const missing = [];
        for (const pod of pods) if (!(await visible(pod))) missing.push(pod);
        if (missing.length === 0) break;
        if (Date.now() > deadline) throw new Error(`the Simulated Cluster view does not show ${missing.join(', ')}`);
        const collapsed = view.locator('.monaco-tl-twistie.collapsible.collapsed');
        if ((await collapsed.count()) > 0) await collapsed.first().click();
        else await page.waitForTimeout(250);
      }
    });

    await step('graph', async () => {
      await palette(commandTitles['kubesim.showGraph']);
      const frame = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
      await frame.locator('#graph canvas').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
      // Give the graph the whole window, as one would to read it.
      await palette('Maximize Editor Group and Hide Side Bars');
      // Cytoscape draws on canvases: wait until they hold a drawing and the "nothing to draw" note stays hidden.
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        const state = await frame.locator('#graph').evaluate((graph) => {
          let inked = 0;
          for (const c of graph.querySelectorAll('canvas')) {
            const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
          }
          return { inked, empty: !document.getElementById('empty')?.hidden };
        });
        if (state.empty) throw new Error('the graph shows its "nothing to draw" note');
        if (state.inked > 5000) break;
        if (Date.now() > deadline) throw new Error(`the graph canvases stayed blank (${state.inked} drawn pixels)`);
        await page.waitForTimeout(250);
      }
    });
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return results;
}
