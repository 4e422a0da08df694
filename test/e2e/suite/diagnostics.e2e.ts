import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, describeDiagnostics, kubesimDiagnostics, open, revertAll, ruleId, waitFor } from './helpers';

describe('diagnostics', () => {
  after(revertAll);

  it('reports the schema errors of a broken manifest, on the exact ranges, with rule docs links', async () => {
    await activeExtension();
    const editor = await open('broken', 'deployment.yaml');
    const doc = editor.document;
    const diags = await waitFor('diagnostics on broken/deployment.yaml', () => {
      const d = kubesimDiagnostics(doc.uri);
      return d.length >= 2 && d;
    }, () => describeDiagnostics(doc.uri));
    const byRule = new Map(diags.map((d) => [ruleId(d), d]));
    assert.deepEqual([...byRule.keys()].sort(), ['schema-required', 'schema-unknown-field']);
    const unknown = byRule.get('schema-unknown-field')!;
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(unknown.range), 'contaners');
    assert.match(unknown.message, /Did you mean "containers"\?/);
    assert.ok(typeof unknown.code === 'object' && unknown.code.target.toString().endsWith('/docs/rules/schema-unknown-field.md'));
  });

  it('clears them once the typo is fixed in the editor', async () => {
    const editor = await open('broken', 'deployment.yaml');
    const doc = editor.document;
    const typo = kubesimDiagnostics(doc.uri).find((d) => ruleId(d) === 'schema-unknown-field');
    assert.ok(typo, 'the unknown-field diagnostic is still there');
    assert.ok(await editor.edit((b) => b.replace(typo.range, 'containers')));
    await waitFor('diagnostics to clear after the fix', () => kubesimDiagnostics(doc.uri).length === 0, () => describeDiagnostics(doc.uri));
  });
});
