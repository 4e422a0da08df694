import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LastSimulations } from '../../server/src/lsp/lastSimulation';

describe('the texts of the last simulation per scope', () => {
  const file = (text: string): { uri: string; source: string; text: string } => ({ uri: 'file:///ws/a.yaml', source: 'a.yaml', text });

  it('finds a scope by its URIs in any order and keeps only the latest texts', () => {
    const last = new LastSimulations();
    assert.equal(last.get(['file:///ws/a', 'file:///ws/b']), undefined);
    last.remember(['file:///ws/a', 'file:///ws/b'], [file('one')]);
    last.remember(['file:///ws/b', 'file:///ws/a'], [file('two')]);
    assert.deepEqual(last.get(['file:///ws/a', 'file:///ws/b'])?.map((f) => f.text), ['two']);
    assert.equal(last.get(['file:///ws/a']), undefined);
  });

  it('forgets the least recently simulated scopes beyond eight', () => {
    const last = new LastSimulations();
    for (let i = 0; i < 10; i++) last.remember([`file:///ws/${i}`], [file(String(i))]);
    assert.equal(last.get(['file:///ws/0']), undefined);
    assert.equal(last.get(['file:///ws/1']), undefined);
    assert.deepEqual(last.get(['file:///ws/2'])?.map((f) => f.text), ['2']);
    assert.deepEqual(last.get(['file:///ws/9'])?.map((f) => f.text), ['9']);
  });
});
