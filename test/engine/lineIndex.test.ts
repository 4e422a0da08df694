import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets across \\n, \\r\\n and \\r line ends', () => {
    const idx = new LineIndex('a\nbc\r\nd\re');
    assert.deepEqual([0, 2, 3, 6, 8].map((o) => idx.positionAt(o)), [{ line: 0, character: 0 }, { line: 1, character: 0 }, { line: 1, character: 1 }, { line: 2, character: 0 }, { line: 3, character: 0 }]);
    assert.equal(idx.offsetAt({ line: 1, character: 99 }), 4);
  });

  it('puts an offset between \\r and \\n at the end of its line, where LSP can name it', () => {
    const idx = new LineIndex('key: v\r\nnext: w\r\n');
    assert.deepEqual(idx.positionAt(6), { line: 0, character: 6 });
    assert.deepEqual(idx.positionAt(7), { line: 0, character: 6 });
    assert.deepEqual(idx.positionAt(8), { line: 1, character: 0 });
  });
});
