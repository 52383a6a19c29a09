/** deleteSeqItem: removing one item of a block or flow sequence with minimal edits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/index';
import { asMap, mapAt, parseYamlFile, seqItems, valueOf, type YamlNode } from '../../server/src/core/yaml/yaml-document';
import { deleteSeqItem } from '../../server/src/core/yaml/yaml-edit';

/** Deletes item `index` of `root.<path>.<key>` and returns the new text. */
function remove(text: string, path: readonly string[], key: string, index: number): string {
  const file = parseYamlFile(text);
  const document = file.documents[0]!;
  const map = mapAt(asMap(document.contents), path, document)!;
  const item = seqItems(valueOf(map, key, document), document)[index] as YamlNode;
  const result = applyEdits(text, deleteSeqItem(file, document, map, key, item));
  assert.deepEqual(parseYamlFile(result).documents.flatMap((doc) => doc.errors), [], `re-parses: ${result}`);
  return result;
}

describe('deleteSeqItem', () => {
  it('removes a block item with its comment, keeping the other lines byte-identical', () => {
    const text = 'caps:\n  add:\n  - A   # first\n  - B\n  - C\nnext: 1\n';
    assert.equal(remove(text, ['caps'], 'add', 0), 'caps:\n  add:\n  - B\n  - C\nnext: 1\n');
    assert.equal(remove(text, ['caps'], 'add', 1), 'caps:\n  add:\n  - A   # first\n  - C\nnext: 1\n');
    assert.equal(remove(text, ['caps'], 'add', 2), 'caps:\n  add:\n  - A   # first\n  - B\nnext: 1\n');
  });

  it('removes a multi-line mapping item of a non-indented sequence', () => {
    const text = 'sc:\n  sysctls:\n  - name: a\n    value: "1"\n  - name: b\n    value: "2"\n';
    assert.equal(remove(text, ['sc'], 'sysctls', 0), 'sc:\n  sysctls:\n  - name: b\n    value: "2"\n');
  });

  it('removes a flow item and the separator next to it', () => {
    const text = 'caps: {add: [A, "B", C]}\n';
    assert.equal(remove(text, ['caps'], 'add', 0), 'caps: {add: ["B", C]}\n');
    assert.equal(remove(text, ['caps'], 'add', 1), 'caps: {add: [A, C]}\n');
    assert.equal(remove(text, ['caps'], 'add', 2), 'caps: {add: [A, "B"]}\n');
  });

  it('removes the key when its only item goes', () => {
    assert.equal(remove('caps:\n  add:\n  - A\n  drop: [ALL]\n', ['caps'], 'add', 0), 'caps:\n  drop: [ALL]\n');
    assert.equal(remove('caps: {add: [A]}\n', ['caps'], 'add', 0), 'caps: {}\n');
  });

  it('keeps CRLF line breaks and handles a last item without a final line break', () => {
    assert.equal(remove('caps:\r\n  add:\r\n  - A\r\n  - B', ['caps'], 'add', 1), 'caps:\r\n  add:\r\n  - A');
    assert.equal(remove('caps:\r\n  add:\r\n  - A\r\n  - B\r\n', ['caps'], 'add', 0), 'caps:\r\n  add:\r\n  - B\r\n');
  });
});
