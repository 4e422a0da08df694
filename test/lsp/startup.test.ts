import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './client';

/** Start-up and settings work that the server must not repeat for nothing. */
const SERVICE = (name: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, prots: 1}]\n`;

describe('LSP settings pulls', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ configuration: {} });
  });
  after(async () => {
    await client.stop();
  });

  it('re-checks nothing when a pull returns the settings the server already has, and re-checks open files when they change', async () => {
    const a = 'file:///ws/a.yaml';
    await client.open(a, SERVICE('a'), 1);
    assert.deepEqual((await client.diagnostics(a, 1)).map((d) => d.code), ['schema-unknown-field']);
    await client.configurationPulled(1);
    // The editor says the settings changed, but the pull answers the same ones.
    await client.changeConfiguration(null);
    await client.configurationPulled(2);
    await client.request('kubesim/debug/workspace'); // the server has handled the answer before it answers this
    // Another document's publish comes after any re-publish the pull could have scheduled.
    const b = 'file:///ws/b.yaml';
    await client.open(b, SERVICE('b'), 1);
    await client.diagnostics(b, 1);
    assert.equal(client.publishesFor(a).length, 1, 'a was published once');

    // A pull with a change re-checks the open files.
    client.setConfiguration({ rules: { 'schema-unknown-field': 'warning' } });
    await client.changeConfiguration(null);
    const again = await client.nextPublish(a, 1);
    assert.deepEqual(again.diagnostics.map((d) => [d.code, d.severity]), [['schema-unknown-field', 2]]);
  });
});

describe('LSP start-up with a late first settings pull', () => {
  it('checks a file opened before the first pull once, when the pull and the project file change nothing', async () => {
    let answer = (): void => undefined;
    const client = await LspClient.start({ configuration: {}, firstPullAfter: new Promise<void>((resolve) => (answer = resolve)) });
    try {
      const a = 'file:///ws/a.yaml';
      await client.open(a, SERVICE('a'), 1);
      await client.diagnostics(a, 1);
      answer();
      await client.configurationPulled(1);
      await client.request('kubesim/debug/workspace'); // the server has handled the answer, and loaded the (absent) project file, before it answers this
      const b = 'file:///ws/b.yaml';
      await client.open(b, SERVICE('b'), 1);
      await client.diagnostics(b, 1);
      assert.equal(client.publishesFor(a).length, 1, 'a was published once');
    } finally {
      await client.stop();
    }
  });
});
