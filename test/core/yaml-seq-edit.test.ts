/** deleteSeqItem and appendToSeqIn: removing or adding one item of a block or flow sequence with minimal edits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/index';
import { asMap, mapAt, parseYamlFile, seqItems, valueOf, type YamlNode } from '../../server/src/core/yaml/yaml-document';
import { appendToSeqIn, deleteSeqItem } from '../../server/src/core/yaml/yaml-edit';

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

describe('sequences written as aliases are shared', () => {
  const parsed = (text: string, path: readonly string[]) => {
    const file = parseYamlFile(text);
    const document = file.documents[0]!;
    return { file, document, map: mapAt(asMap(document.contents), path, document)! };
  };

  it('deleteSeqItem leaves a list written as an alias alone (its items belong to the anchor)', () => {
    const text = 'defaults: &caps [A, B]\npod:\n  add: *caps\n';
    const { file, document, map } = parsed(text, ['pod']);
    const item = seqItems(valueOf(map, 'add', document), document)[0] as YamlNode;
    assert.deepEqual(deleteSeqItem(file, document, map, 'add', item), []);
  });

  it('appendToSeqIn replaces the alias by a flow copy of its items plus the new one; the anchor stays', () => {
    const text = 'defaults: &drop [NET_RAW, "SYS_ADMIN", *x]\npod:\n  drop: *drop\n';
    const withAnchorX = `x: &x CHOWN\n${text}`;
    const { file, document, map } = parsed(withAnchorX, ['pod']);
    const result = applyEdits(withAnchorX, appendToSeqIn(file, document, map, 'drop', 'ALL'));
    assert.equal(result, 'x: &x CHOWN\ndefaults: &drop [NET_RAW, "SYS_ADMIN", *x]\npod:\n  drop: [NET_RAW, "SYS_ADMIN", *x, ALL]\n');
    assert.deepEqual(parseYamlFile(result).documents.flatMap((doc) => doc.errors), []);
  });

  it('appendToSeqIn appends in place to a list written there, block or flow', () => {
    const block = 'pod:\n  drop:\n  - NET_RAW\n';
    const { file, document, map } = parsed(block, ['pod']);
    assert.equal(applyEdits(block, appendToSeqIn(file, document, map, 'drop', 'ALL')), 'pod:\n  drop:\n  - NET_RAW\n  - ALL\n');
  });

  it('appendToSeqIn offers nothing when an aliased item would change meaning in a flow sequence', () => {
    const text = 'defaults: &opts\n  - a,b\npod:\n  opts: *opts\n';
    const { file, document, map } = parsed(text, ['pod']);
    assert.deepEqual(appendToSeqIn(file, document, map, 'opts', 'c'), []);
  });
});
