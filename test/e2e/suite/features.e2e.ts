import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, open, positionOf, revertAll, waitFor } from './helpers';

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const hoverText = (hovers: vscode.Hover[]): string =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('completion and hover', () => {
  after(revertAll);

  it('completes container fields on a new line inside a container', async () => {
    await activeExtension();
    const editor = await open('app', 'app.yaml');
    const doc = editor.document;
    const end = positionOf(doc, 'image: nginx:1.27');
    const lineEnd = doc.lineAt(end.line).range.end;
    assert.ok(await editor.edit((b) => b.insert(lineEnd, '\n          ')));
    const at = new vscode.Position(end.line + 1, 10);
    const labels = await waitFor('container-field completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const l = list.items.map(labelOf);
      return l.includes('resources') && l;
    });
    for (const k of ['env', 'livenessProbe', 'resources']) assert.ok(labels.includes(k), `${k} offered`);
    assert.ok(!labels.includes('replicas'), 'replicas is not a container field');
    assert.ok(!labels.includes('image'), 'a key already written is not offered again');
  });

  it('explains a field on hover with its Kubernetes documentation', async () => {
    const editor = await open('app', 'app.yaml');
    const at = positionOf(editor.document, 'replicas', 2);
    const text = await waitFor('a hover on replicas', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
      return /desired pods/i.test(t) && t;
    });
    assert.match(text, /replicas/i);
  });
});
