import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension } from './helpers';

describe('activation', () => {
  it('activates on a YAML file and contributes its commands and settings', async () => {
    const ext = await activeExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.packageJSON.main, './dist/extension.js');
    const commands = await vscode.commands.getCommands(true);
    for (const c of (ext.packageJSON.contributes.commands ?? []) as { command: string }[]) {
      assert.ok(commands.includes(c.command), `command ${c.command} is registered`);
    }
    assert.equal(vscode.workspace.getConfiguration('kubesim').get('kubernetesVersion'), '1.30');
  });
});
