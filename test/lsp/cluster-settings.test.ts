import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SERVER_SETTINGS, quickNodeSettings, readSettings } from '../../server/src/lsp/settings';

describe('kubesim.cluster settings', () => {
  it('defaults to the default cluster', () => {
    const { settings, warnings } = readSettings({});
    assert.deepEqual(warnings, []);
    assert.equal(settings.cluster, '');
    assert.equal(quickNodeSettings(settings), undefined);
  });

  it('reads the cluster file and the quick node settings', () => {
    const { settings, warnings } = readSettings({ cluster: ' cluster/kind.yaml ', clusterNodes: 5, clusterNodeCpu: '2500m', clusterNodeMemory: '8Gi' });
    assert.deepEqual(warnings, []);
    assert.equal(settings.cluster, 'cluster/kind.yaml');
    assert.deepEqual(quickNodeSettings(settings), { count: 5, cpu: '2500m', memory: '8Gi' });
  });

  it('falls back to each default with one warning per invalid value', () => {
    const { settings, warnings } = readSettings({ cluster: 3, clusterNodes: 0, clusterNodeCpu: 'lots', clusterNodeMemory: '16 gigs' });
    assert.equal(warnings.length, 4);
    assert.equal(settings.cluster, DEFAULT_SERVER_SETTINGS.cluster);
    assert.equal(settings.clusterNodes, 3);
    assert.equal(settings.clusterNodeCpu, '4');
    assert.equal(settings.clusterNodeMemory, '16Gi');
  });
});
