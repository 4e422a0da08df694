import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fromRoot } from '../helpers/paths';
import { LspClient, positionOf } from '../lsp/client';

/**
 * Issue 7: Secret data/stringData values never appear in any output surface,
 * and are masked in JSON unless explicitly requested. Distinctive values are
 * planted, including ones that are wrong on purpose (numbers where strings
 * belong), so that diagnostics about them are produced; then every surface is
 * grepped.
 *
 * Surfaces covered here: CLI check (text, json, sarif), CLI simulate (text,
 * json; --show-secrets is the positive control), LSP diagnostics (message,
 * related information), code action titles, hover, completion,
 * documentSymbol, the server log (window/logMessage) and stderr.
 * Surfaces added on other branches that must join this list: the VS Code
 * "Simulated Cluster" tree, the resource graph webview, the `kubesim/simulate`
 * LSP request, and code lenses (the server offers none yet).
 */
const PLAIN = 'kubesim-planted-plain-5e1f';
const DECODED = 'kubesim-planted-b64-9c2d';
const ENCODED = Buffer.from(DECODED).toString('base64');
const NUM_STRING_DATA = '73915286';
const NUM_DATA = '48151623';
const BLOCK = 'kubesim-planted-block-77aa';
const PLANTED = [PLAIN, DECODED, ENCODED, NUM_STRING_DATA, NUM_DATA, BLOCK];

const SECRET = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: db-creds',
  'type: Opaque',
  'data:',
  `  password: ${ENCODED}`,
  `  code: ${NUM_DATA}`,
  'stringData:',
  `  token: ${PLAIN}`,
  `  pin: ${NUM_STRING_DATA}`,
  '  cert: |',
  `    ${BLOCK}`,
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: app',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: app:1',
  '      env:',
  '        - name: TOKEN',
  '          valueFrom: {secretKeyRef: {name: db-creds, key: tokn}}',
  '',
].join('\n');

function assertNoSecret(surface: string, output: string): void {
  for (const p of PLANTED) assert.ok(!output.includes(p), `${surface} shows the planted Secret value ${p}:\n${output.slice(Math.max(0, output.indexOf(p) - 300), output.indexOf(p) + 100)}`);
}

/** Every text of an LSP answer except edits' newText: applying a fix rewrites the user's own value in the user's file. */
function shown(value: unknown): string {
  return JSON.stringify(value, (k, v) => (k === 'newText' ? undefined : v));
}

describe('Secrets never leave through an output surface', () => {
  let dir = '';
  const cli = (...args: string[]) => spawnSync(process.execPath, [fromRoot('dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubesim-secret-'));
    fs.writeFileSync(path.join(dir, 'secret.yaml'), SECRET);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`kubesim check --format ${format}`, () => {
      const r = cli('check', '.', '--format', format);
      // The planted mistakes are found, so the grep reads real diagnostics about the values.
      assert.match(r.stdout, /schema-type/);
      assertNoSecret(`check --format ${format}`, r.stdout + r.stderr);
    });
  }

  for (const format of ['text', 'json']) {
    it(`kubesim simulate --format ${format}`, () => {
      const r = cli('simulate', '.', '--format', format);
      assert.match(r.stdout, /db-creds/);
      assertNoSecret(`simulate --format ${format}`, r.stdout + r.stderr);
    });
  }

  it('kubesim simulate --format json --show-secrets shows them (the control: the grep finds a value when it is there)', () => {
    const fixed = SECRET.replace(`code: ${NUM_DATA}`, `code: ${Buffer.from('x').toString('base64')}`).replace(`pin: ${NUM_STRING_DATA}`, `pin: "${NUM_STRING_DATA}"`);
    fs.writeFileSync(path.join(dir, 'secret.yaml'), fixed);
    try {
      const out = cli('simulate', '.', '--format', 'json', '--show-secrets').stdout;
      assert.ok(out.includes(ENCODED) || out.includes(DECODED), 'the Secret data is shown when asked for');
      assert.ok(out.includes(Buffer.from(PLAIN).toString('base64')) || out.includes(PLAIN), 'stringData is shown when asked for');
    } finally {
      fs.writeFileSync(path.join(dir, 'secret.yaml'), SECRET);
    }
  });

  it('the language server: diagnostics, code actions, hover, completion, symbols and its log', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///ws/secret.yaml';
      await client.open(uri, SECRET, 1);
      const diags = await client.diagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'schema-type'), JSON.stringify(diags));
      assert.ok(diags.some((d) => d.code === 'secret-ref-missing'), JSON.stringify(diags));
      assertNoSecret('diagnostics', shown(diags));
      assertNoSecret('code actions', shown(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, diags)));
      for (const value of PLANTED.filter((p) => p !== DECODED)) {
        for (const delta of [0, 3]) {
          const at = positionOf(SECRET, value, delta);
          assertNoSecret(`hover on ${value}`, shown(await client.hover(uri, at)));
          assertNoSecret(`completion on ${value}`, shown(await client.completion(uri, at)));
        }
      }
      for (const key of ['password:', 'token:', 'cert:', 'data:', 'stringData:']) assertNoSecret(`hover on ${key}`, shown(await client.hover(uri, positionOf(SECRET, key, 1))));
      assertNoSecret('documentSymbol', shown(await client.documentSymbols(uri)));
      await client.foldingRanges(uri);
      assert.equal(await client.stop(), 0);
      assert.ok(client.logs.length > 0, 'the server logged nothing, so its log was not really read');
      assertNoSecret('the server log', shown(client.logs) + client.stderr);
    } finally {
      client.kill();
    }
  });
});
