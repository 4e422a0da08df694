#!/usr/bin/env node
// Renders the extension icon (images/icon.png, 128x128, transparent corners) from
// the SVG below with headless Chromium driven by playwright-core, so the committed
// PNG can be regenerated:  node scripts/make-icon.mjs [path-to-chromium]
// A hexagon (the cluster) holding three pods joined by their service links.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, launchOptions } from './e2e/tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.argv[2] ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`make-icon: Chromium not found at ${chromium}; pass its path (Debian: apt-get install chromium).`);
  process.exit(2);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#3b7be8"/><stop offset="1" stop-color="#1d3f8f"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <polygon points="64,17 104.7,40.5 104.7,87.5 64,111 23.3,87.5 23.3,40.5" fill="none" stroke="#ffffff" stroke-width="7" stroke-linejoin="round"/>
  <g stroke="#bcd3ff" stroke-width="4" stroke-linecap="round">
    <line x1="64" y1="47" x2="46" y2="78"/><line x1="64" y1="47" x2="82" y2="78"/><line x1="46" y1="78" x2="82" y2="78"/>
  </g>
  <g fill="#ffffff">
    <rect x="53" y="36" width="22" height="22" rx="5"/>
    <rect x="35" y="67" width="22" height="22" rx="5"/>
    <rect x="71" y="67" width="22" height="22" rx="5"/>
  </g>
</svg>`;

const { chromium: browser } = ensurePlaywright();
const out = path.join(root, 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
const instance = await browser.launch({ ...launchOptions({ width: 128, height: 128 }), executablePath: chromium });
try {
  const page = await instance.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`make-icon: wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await instance.close();
}

/** playwright-core from the end-to-end tools cache (scripts/e2e/install-tools.sh puts it there). */
function ensurePlaywright() {
  try {
    return createRequire(path.join(CACHE, 'playwright', 'package.json'))('playwright-core');
  } catch {
    console.error(`make-icon: playwright-core is not in ${CACHE}; run "bash scripts/e2e/install-tools.sh" (or npm run test:e2e) first.`);
    process.exit(2);
  }
}
