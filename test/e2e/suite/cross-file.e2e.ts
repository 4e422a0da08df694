import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, describeDiagnostics, kubesimDiagnostics, open, revertAll, ruleId, waitFor } from './helpers';

/** Replaces every `{app: from}` in the editor (the Deployment's selector and its pod template labels). */
async function relabel(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const doc = editor.document;
  const needle = `{app: ${from}}`;
  const ranges: vscode.Range[] = [];
  for (let at = doc.getText().indexOf(needle); at >= 0; at = doc.getText().indexOf(needle, at + 1)) {
    ranges.push(new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length)));
  }
  assert.equal(ranges.length, 2, `selector and template labels ${needle} in ${doc.uri.path}`);
  assert.ok(await editor.edit((b) => ranges.forEach((r) => b.replace(r, `{app: ${to}}`))));
}

describe('cross-file diagnostics', () => {
  after(revertAll);

  it('warns on a Service when an edit in another file leaves its selector matching nothing, and clears when fixed', async () => {
    await activeExtension();
    // Their own namespace keeps the other fixtures' workloads out of the Service's reach.
    await open('crossfile', 'namespace.yaml');
    const deploymentDoc = (await open('crossfile', 'deployment.yaml')).document;
    const service = (await open('crossfile', 'service.yaml')).document;
    const deployment = await vscode.window.showTextDocument(deploymentDoc);

    // A one-letter slip: the message then suggests the new label, so it cannot be a warning left over from before.
    await relabel(deployment, 'cf-web', 'cf-webb');
    const warned = await waitFor('service-selector-no-match on service.yaml suggesting app=cf-webb', () => {
      const d = kubesimDiagnostics(service.uri).filter((x) => ruleId(x) === 'service-selector-no-match' && x.message.includes('app=cf-webb'));
      return d.length > 0 && d;
    }, () => describeDiagnostics(service.uri));
    assert.equal(warned[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(service.isDirty, false, 'the Service file itself was not touched');
    assert.ok(
      warned[0].relatedInformation?.some((r) => r.location.uri.toString() === deployment.document.uri.toString()),
      'the warning points at the Deployment in the other file',
    );

    await relabel(deployment, 'cf-webb', 'cf-web');
    await waitFor('the Service warning to clear', () => kubesimDiagnostics(service.uri).length === 0, () => describeDiagnostics(service.uri));
  });
});
