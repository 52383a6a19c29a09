import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, mergeNonOverlapping } from '../../server/src/core/engine/edits';
import { LineIndex } from '../../server/src/core/engine/line-index';

describe('offset edits', () => {
  it('applies edits in any order', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }, { start: 2, end: 2, newText: '+' }]), 'Ab+cdEf');
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]), /overlapping/);
  });

  it('merges fixes, leaving out those that clash with earlier ones', () => {
    const merged = mergeNonOverlapping([
      [{ start: 0, end: 2, newText: 'x' }],
      [{ start: 1, end: 3, newText: 'y' }],
      [{ start: 3, end: 3, newText: 'z' }],
      [{ start: 3, end: 3, newText: 'w' }],
      [{ start: 2, end: 2, newText: 'boundary' }],
      [{ start: 5, end: 6, newText: 'v' }],
      [{ start: 6, end: 7, newText: 'u' }],
    ]);
    // An insert where an accepted edit's range starts or ends waits for the next pass; two
    // replacements that only meet do not clash.
    assert.deepEqual(merged.map((edit) => edit.newText), ['x', 'z', 'v', 'u']);
  });
});

describe('line index', () => {
  it('converts offsets and positions both ways, for LF, CRLF and CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `ab${eol}${eol}cde${eol}`;
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, 4);
      const offsetOfD = text.indexOf('d');
      assert.deepEqual(lines.positionAt(offsetOfD), { line: 2, character: 1 });
      assert.equal(lines.offsetAt({ line: 2, character: 1 }), offsetOfD);
      assert.equal(lines.lineText(2), 'cde');
      assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'clamped to the line end');
    }
  });

  it('counts UTF-16 code units like LSP', () => {
    const lines = new LineIndex('é😀x');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
  });
});
