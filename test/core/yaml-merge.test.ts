/** mergeInto / appendValueToSeq / joinEdits: several keys merged into YAML source with minimal, non-overlapping edits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/core/engine/edits';
import { asMap, asSeq, mapAt, parseYamlFile, valueOf } from '../../server/src/core/yaml/yaml-document';
import { appendValueToSeq, flowValue, joinEdits, mergeInto, type YamlValue, type YamlValues } from '../../server/src/core/yaml/yaml-edit';

function merge(text: string, path: readonly string[], values: YamlValues, documentIndex = 0): string {
  const file = parseYamlFile(text);
  const document = file.documents[documentIndex]!;
  const map = path.length === 0 ? asMap(document.contents)! : mapAt(asMap(document.contents), path, document)!;
  const output = applyEdits(text, joinEdits(mergeInto(file, document, map, values)));
  for (const parsed of parseAllDocuments(output)) assert.deepEqual(parsed.errors, [], `output does not parse:\n${output}`);
  return output;
}

describe('mergeInto', () => {
  it('inserts every missing key in one block, nested mappings and sequences included', () => {
    assert.equal(
      merge('spec:\n  containers:\n    - name: a\n', ['spec'], { securityContext: { runAsNonRoot: 'true', seccompProfile: { type: 'RuntimeDefault' } }, volumes: [{ name: 'tmp', emptyDir: {} }] }),
      'spec:\n  containers:\n    - name: a\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  volumes:\n    - name: tmp\n      emptyDir: {}\n',
    );
  });

  it('follows a non-indented sequence style and a 4-space step', () => {
    assert.equal(merge('spec:\n    containers:\n    - name: a\n', ['spec'], { volumes: [{ name: 'tmp', emptyDir: {} }] }), 'spec:\n    containers:\n    - name: a\n    volumes:\n    - name: tmp\n      emptyDir: {}\n');
  });

  it('merges into existing mappings, keeps existing keys, and appends to existing sequences', () => {
    assert.equal(
      merge('sc:\n  capabilities:\n    drop:\n    - NET_RAW # why\n  runAsUser: 5\n', ['sc'], { capabilities: { drop: ['ALL'] }, privileged: 'false' }),
      'sc:\n  capabilities:\n    drop:\n    - NET_RAW # why\n    - ALL\n  runAsUser: 5\n  privileged: false\n',
    );
    assert.equal(merge('sc:\n  caps:\n    drop: [NET_RAW]\n', ['sc'], { caps: { drop: ['ALL'] } }), 'sc:\n  caps:\n    drop: [NET_RAW, ALL]\n');
  });

  it('orders a deeper insertion before a shallower one at the same offset', () => {
    assert.equal(merge('a:\n  b:\n    c: 1\n', ['a'], { b: { d: '2' }, e: '3' }), 'a:\n  b:\n    c: 1\n    d: 2\n  e: 3\n');
  });

  it('writes into flow mappings, empty ones and `key:` with no value', () => {
    assert.equal(merge('a: {x: 1}\n', ['a'], { y: { z: ['ALL'] }, w: 'true' }), 'a: {x: 1, y: { z: [ALL] }, w: true}\n');
    assert.equal(merge('a: {}\n', ['a'], { y: 'true', v: [{ name: 'tmp' }] }), 'a: { y: true, v: [{ name: tmp }] }\n');
    assert.equal(merge('a:\n  sc: # later\n  z: 1\n', ['a'], { sc: { b: 'true' } }), 'a:\n  sc: # later\n    b: true\n  z: 1\n');
    assert.equal(merge('a:\n  v:\n  z: 1\n', ['a'], { v: [{ name: 'tmp', emptyDir: {} }] }), 'a:\n  v:\n    - name: tmp\n      emptyDir: {}\n  z: 1\n');
  });

  it('keeps CRLF and edits only its own document', () => {
    assert.equal(merge('a: 1\r\n---\r\nb:\r\n  c: 2\r\n---\r\nd: 3\r\n', ['b'], { e: { f: '4' } }, 1), 'a: 1\r\n---\r\nb:\r\n  c: 2\r\n  e:\r\n    f: 4\r\n---\r\nd: 3\r\n');
  });

  it('appends at the end of a file without a final line break', () => {
    assert.equal(merge('a:\n  b: 1', ['a'], { c: '2' }), 'a:\n  b: 1\n  c: 2');
  });
});

describe('appendValueToSeq', () => {
  const append = (text: string, key: string, item: YamlValue): string => {
    const file = parseYamlFile(text);
    const document = file.documents[0]!;
    const seq = asSeq(valueOf(asMap(document.contents), key, document))!;
    return applyEdits(text, appendValueToSeq(file, document, seq, item));
  };

  it('writes a mapping item in block style, aligned like the first item', () => {
    assert.equal(append('v:\n  - name: a\n    hostPath: {path: /x}\nz: 1\n', 'v', { name: 'tmp', emptyDir: {} }), 'v:\n  - name: a\n    hostPath: {path: /x}\n  - name: tmp\n    emptyDir: {}\nz: 1\n');
    assert.equal(append('v:\n-   name: a\n', 'v', { name: 'tmp', emptyDir: {} }), 'v:\n-   name: a\n-   name: tmp\n    emptyDir: {}\n');
  });

  it('writes a flow item into a flow sequence', () => {
    assert.equal(append('v: [{name: a}]\n', 'v', { name: 'tmp', emptyDir: {} }), 'v: [{name: a}, { name: tmp, emptyDir: {} }]\n');
  });
});

describe('joinEdits', () => {
  it('joins insertions at one offset in list order and rejects overlaps', () => {
    assert.deepEqual(joinEdits([{ start: 5, end: 5, newText: 'b' }, { start: 1, end: 2, newText: 'x' }, { start: 5, end: 5, newText: 'c' }]), [{ start: 1, end: 2, newText: 'x' }, { start: 5, end: 5, newText: 'bc' }]);
    assert.throws(() => joinEdits([{ start: 1, end: 4, newText: '' }, { start: 2, end: 3, newText: '' }]));
  });

  it('renders flow values', () => {
    assert.equal(flowValue({ drop: ['"ALL"'], e: {} }), '{ drop: ["ALL"], e: {} }');
  });
});
