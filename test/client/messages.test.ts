import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGraphMessage } from '../../client/src/model/messages';
import { statusText } from '../../client/src/model/status';
import { deployment, simulateYaml } from './simulation';

describe('graph webview messages', () => {
  const known = new Set(['Deployment/default/web']);
  it('accepts exactly the two message shapes, for known nodes only', () => {
    assert.deepEqual(parseGraphMessage({ type: 'ready' }, known), { type: 'ready' });
    assert.deepEqual(parseGraphMessage({ type: 'reveal', id: 'Deployment/default/web' }, known), { type: 'reveal', id: 'Deployment/default/web' });
  });
  it('drops anything else', () => {
    for (const bad of [null, undefined, 'reveal', 42, [], { type: 'reveal' }, { type: 'reveal', id: 'Secret/default/x' }, { type: 'reveal', id: 7 }, { type: 'reveal', id: 'Deployment/default/web', extra: 1 }, { type: 'ready', x: 1 }, { type: 'runCommand', command: 'workbench.action.terminal.new' }, { type: 'reveal', id: 'x'.repeat(5000) }]) {
      assert.equal(parseGraphMessage(bad, known), undefined, JSON.stringify(bad));
    }
  });
});

describe('status bar text', () => {
  it('counts manifest objects and warnings', () => {
    assert.equal(statusText(simulateYaml({ 'a.yaml': deployment('web') })).text, 'k8s: 1 object · 0 warnings');
    assert.equal(statusText(simulateYaml({ 'a.yaml': deployment('big', { replicas: 2, cpu: '8' }) + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad}\n' })).text, 'k8s: 2 objects · 1 rejected · 2 warnings');
    assert.equal(statusText(undefined).text, 'k8s: simulate');
  });
});
