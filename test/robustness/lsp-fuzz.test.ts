import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MessageType, type Diagnostic, type Position, type Range } from 'vscode-languageserver-protocol/node';
import { fromRoot } from '../helpers/paths';
import { LspClient } from '../lsp/client';
import { hostileDocuments, mulberry32, mutate, type Rng } from './mutate';
import { seeds } from './seeds';

/**
 * Issue 7: the language server over stdio, fed a seeded sample of fuzzed
 * documents, answers every request and keeps every diagnostic range inside
 * its document. The time bound is a hang guard, not a speed assertion.
 */
const SAMPLE = 80;
const SEED = Number(process.env.KUBESIM_FUZZ_SEED ?? 20261123) + 7;
const ANSWER_BOUND_MS = 30_000;

async function answers<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} got no answer within ${ANSWER_BOUND_MS} ms`)), ANSWER_BOUND_MS)));
  try {
    return await Promise.race([request, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Line lengths as LSP counts them: \r\n, \r and \n end a line; characters are UTF-16 units. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(range: Range, lines: number[], label: string): void {
  const ok = (p: Position): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${label}: range ${JSON.stringify(range)} is outside the document (${lines.length} lines)`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${label}: range ends before it starts`);
}

function assertDiagnostics(diags: Diagnostic[], text: string, label: string): void {
  const lines = lineLengths(text);
  for (const d of diags) {
    assertInside(d.range, lines, `${label} ${String(d.code)}`);
    assert.notEqual(d.code, 'internal-error', `${label}: ${d.message}`);
  }
}

function randomPosition(text: string, rng: Rng): Position {
  const lines = lineLengths(text);
  const line = Math.floor(rng() * lines.length);
  return { line, character: Math.floor(rng() * (lines[line] + 1)) };
}

/** A random incremental edit: the range of a random span replaced by a mutation of it. */
function randomEdit(text: string, rng: Rng): { range: Range; newText: string; result: string } {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const a = randomPosition(text, rng);
  const b = randomPosition(text, rng);
  const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
  const offset = (p: Position): number => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  // Positions come from line lengths, so an edit never starts or ends inside a \r\n pair.
  const s = offset(start);
  const e = offset(end);
  const newText = mutate(text.slice(s, Math.min(e, s + 40)), rng);
  return { range: { start, end }, newText, result: text.slice(0, s) + newText + text.slice(e) };
}

describe('fuzz over stdio: the language server answers every request and keeps ranges inside the document', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  it(`answers a seeded sample of ${SAMPLE} fuzzed documents (seed ${SEED}) and the hostile ones`, async () => {
    const rng = mulberry32(SEED);
    const pool = seeds(60_000);
    const docs: { label: string; text: string }[] = hostileDocuments().map((d) => ({ label: d.name, text: d.text }));
    for (let i = 0; i < SAMPLE; i++) {
      let text = pool[Math.floor(rng() * pool.length)];
      for (let r = 1 + Math.floor(rng() * 4); r > 0; r--) text = mutate(text, rng);
      docs.push({ label: `mutation ${i}`, text });
    }
    for (const [i, { label, text }] of docs.entries()) {
      const uri = `file:///fuzz/doc-${i}.yaml`;
      try {
        await client.open(uri, text, 1);
        assertDiagnostics(await answers(`${label}: diagnostics`, client.diagnostics(uri, 1)), text, label);
        const edit = randomEdit(text, rng);
        await client.edit(uri, edit.range, edit.newText, 2);
        const edited = await answers(`${label}: diagnostics after an edit`, client.diagnostics(uri, 2));
        // The server's text after the incremental edit is what it checked; its ranges must fit it.
        assertDiagnostics(edited, edit.result, `${label} (edited)`);
        const at = randomPosition(edit.result, rng);
        await answers(`${label}: completion`, client.completion(uri, at));
        await answers(`${label}: hover`, client.hover(uri, at));
        const symbols = await answers(`${label}: documentSymbol`, client.documentSymbols(uri));
        const lines = lineLengths(edit.result);
        const walk = (ss: typeof symbols): void => ss.forEach((s) => (assertInside(s.range, lines, `${label} symbol ${s.name}`), walk(s.children ?? [])));
        walk(symbols);
        await answers(`${label}: codeAction`, client.codeActions(uri, { start: { line: 0, character: 0 }, end: at }, edited));
        await client.close(uri);
      } catch (e) {
        fs.mkdirSync(fromRoot('.test-output'), { recursive: true });
        fs.writeFileSync(fromRoot('.test-output', `lsp-fuzz-failure-${i}.yaml`), text);
        throw new Error(`${label} (seed ${SEED}) failed; input saved in .test-output/lsp-fuzz-failure-${i}.yaml: ${(e as Error).stack}`);
      }
    }
    assert.deepEqual(client.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message), [], 'the server logged errors');
    assert.doesNotMatch(client.stderr, /uncaught|Error/);
    assert.equal(await client.stop(), 0);
  });
});
