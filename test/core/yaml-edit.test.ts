import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/core/engine/edits';
import type { TextEdit } from '../../server/src/core/engine/types';
import { asMap, asSeq, mapAt, parseYamlFile, scalarValue, valueOf, type YamlDocument, type YamlFile, type YamlMap } from '../../server/src/core/yaml/yaml-document';
import { appendToSeq, deletePair, eol, replaceNode, setIn } from '../../server/src/core/yaml/yaml-edit';

interface Subject {
  readonly file: YamlFile;
  readonly document: YamlDocument;
  readonly root: YamlMap;
  /** The mapping at a path of keys (numbers index sequences). */
  at(...path: (string | number)[]): YamlMap;
}

/**
 * Applies the edits `build` makes to `text` and checks the result: it equals `expected`, parses
 * without errors, and every edit is an insertion or touches only the lines it must.
 */
function edit(text: string, build: (subject: Subject) => TextEdit[], expected: string, documentIndex = 0): void {
  const file = parseYamlFile(text);
  const document = file.documents[documentIndex]!;
  const root = asMap(document.contents)!;
  const at = (...path: (string | number)[]): YamlMap => {
    let node: unknown = root;
    for (const key of path) node = typeof key === 'number' ? asSeq(node)!.items[key] : valueOf(asMap(node), key, document);
    return asMap(node)!;
  };
  const edits = build({ file, document, root, at });
  const output = applyEdits(text, edits);
  assert.equal(output, expected);
  for (const parsed of parseAllDocuments(output)) assert.deepEqual(parsed.errors, [], `output does not parse:\n${output}`);
}

describe('setIn', () => {
  it('creates a missing chain of keys at the end of a block mapping, indented like its siblings', () => {
    edit('a:\n  b: 1 # keep\nc: 2\n', ({ file, document, at }) => setIn(file, document, at('a'), ['x', 'y'], 'false'), 'a:\n  b: 1 # keep\n  x:\n    y: false\nc: 2\n');
  });

  it('inserts into an existing mapping of the chain', () => {
    edit('a:\n  sc:\n    u: 1\n  z: 2\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'sc', 'v'], 'true'), 'a:\n  sc:\n    u: 1\n    v: true\n  z: 2\n');
  });

  it('replaces a scalar, quoted or not, keeping a trailing comment', () => {
    edit('a:\n  b: true # why\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'b'], 'false'), 'a:\n  b: false # why\n');
    edit('"a":\n  "b": "true"\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'b'], 'false'), '"a":\n  "b": false\n');
  });

  it('fills `key:` with no value, for a scalar and for a chain (after a comment on the key line)', () => {
    edit('a:\nz: 1\n', ({ file, document, root }) => setIn(file, document, root, ['a'], '1'), 'a: 1\nz: 1\n');
    edit('top:\n  a: # later\n  z: 1\n', ({ file, document, at }) => setIn(file, document, at('top'), ['a', 'b', 'c'], '1'), 'top:\n  a: # later\n    b:\n      c: 1\n  z: 1\n');
  });

  it('edits flow mappings within their braces', () => {
    edit('a: {}\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'b', 'c'], '["ALL"]'), 'a: { b: { c: ["ALL"] } }\n');
    edit('a: {u: 1}   # c\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'v'], 'true'), 'a: {u: 1, v: true}   # c\n');
    edit('a: {u: 1}\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'u'], '2'), 'a: {u: 2}\n');
  });

  it('replaces `null` / `~` on the way with a flow mapping', () => {
    edit('a: null\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'b'], '1'), 'a: { b: 1 }\n');
  });

  it('infers the indentation step from the document (4 spaces), also inside sequence items', () => {
    const text = 'spec:\n    containers:\n    -   name: x\n        image: y\n';
    edit(text, ({ file, document, at }) => setIn(file, document, at('spec', 'containers', 0), ['securityContext', 'a'], 'false'), `${text}        securityContext:\n            a: false\n`);
  });

  it('works in non-indented sequences', () => {
    edit('containers:\n- name: x\n  image: y\nafter: 1\n', ({ file, document, at }) => setIn(file, document, at('containers', 0), ['sc', 'a'], '1'), 'containers:\n- name: x\n  image: y\n  sc:\n    a: 1\nafter: 1\n');
  });

  it('keeps CRLF line ends', () => {
    edit('a:\r\n  b: 1\r\nc: 2\r\n', ({ file, document, root }) => setIn(file, document, root, ['a', 'x', 'y'], 'false'), 'a:\r\n  b: 1\r\n  x:\r\n    y: false\r\nc: 2\r\n');
  });

  it('edits only its own document of a multi-document file', () => {
    edit('a: 1\n---\nb:\n  c: 2\n---\nd: 3\n', ({ file, document, at }) => setIn(file, document, at('b'), ['e'], '4'), 'a: 1\n---\nb:\n  c: 2\n  e: 4\n---\nd: 3\n', 1);
  });

  it('appends at the end of a file without a final line break', () => {
    edit('a:\n  b: 1', ({ file, document, at }) => setIn(file, document, at('a'), ['c'], '2'), 'a:\n  b: 1\n  c: 2');
  });
});

describe('deletePair', () => {
  it('deletes the whole lines of a block pair, comment included', () => {
    edit('a:\n  b: 1\n  # about c\n  c: 2 # x\n  d: 3\n', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\n  b: 1\n  # about c\n  d: 3\n');
    edit('a:\n  b: 1\n  c:\n    x: 1\n\n    y: 2\n  d: 3\n', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\n  b: 1\n  d: 3\n');
  });

  it('deletes the last pair, also at the end of a file without a line break, and with CRLF', () => {
    edit('a:\n  b: 1\n  c: 2\n', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\n  b: 1\n');
    edit('a:\n  b: 1\n  c: 2', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\n  b: 1');
    edit('a:\r\n  b: 1\r\n  c: 2', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\r\n  b: 1');
  });

  it('leaves `{}` for the only pair of a block mapping, so the parent stays a mapping', () => {
    edit('a:\n  c: 2\nz: 1\n', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a:\n  {}\nz: 1\n');
  });

  it('moves the next key behind the dash of a sequence item', () => {
    edit('- b: 1\n  c: 2\n', ({ file, document }) => deletePair(file, asMap(asSeq(document.contents)!.items[0])!, 'b'), '- c: 2\n');
  });

  it('deletes from flow mappings, first, last and only item', () => {
    edit('a: {b: 1, c: 2}\n', ({ file, at }) => deletePair(file, at('a'), 'b'), 'a: {c: 2}\n');
    edit('a: {b: 1,   c: 2  }\n', ({ file, at }) => deletePair(file, at('a'), 'c'), 'a: {b: 1  }\n');
    edit('a: {b: 1}\n', ({ file, at }) => deletePair(file, at('a'), 'b'), 'a: {}\n');
  });

  it('returns no edit for a missing key', () => {
    const file = parseYamlFile('a: 1\n');
    assert.deepEqual(deletePair(file, asMap(file.documents[0]!.contents)!, 'zz'), []);
  });
});

describe('appendToSeq', () => {
  const seqAt = (subject: Subject, ...path: string[]) => asSeq(valueOf(mapAt(subject.root, path.slice(0, -1), subject.document), path.at(-1)!, subject.document))!;

  it('appends to a block sequence at the dash column, after a trailing comment', () => {
    edit('a:\n  b:\n  - x\n  - y # c\nz: 1\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'a', 'b'), 'ALL'), 'a:\n  b:\n  - x\n  - y # c\n  - ALL\nz: 1\n');
    edit('a:\r\n  b:\r\n    - x\r\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'a', 'b'), 'ALL'), 'a:\r\n  b:\r\n    - x\r\n    - ALL\r\n');
  });

  it('appends to flow sequences: empty, one item, multi-line, trailing comma', () => {
    edit('k: []\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'k'), '"ALL"'), 'k: ["ALL"]\n');
    edit('k: [x]\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'k'), '"ALL"'), 'k: [x, "ALL"]\n');
    edit('k: [a,\n  b]\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'k'), 'c'), 'k: [a,\n  b, c]\n');
    edit('k: [a, b, ]\n', (subject) => appendToSeq(subject.file, seqAt(subject, 'k'), 'c'), 'k: [a, b, c]\n');
  });
});

describe('replaceNode and eol', () => {
  it('replaces exactly the node text', () => {
    edit('a: "x" # c\n', ({ root, document }) => [replaceNode(valueOf(root, 'a', document)!, 'y')], 'a: y # c\n');
  });

  it('detects the line break style', () => {
    assert.equal(eol(parseYamlFile('a: 1\r\nb: 2\r\n')), '\r\n');
    assert.equal(eol(parseYamlFile('a: 1\nb: 2\n')), '\n');
  });
});

describe('YAML merge keys (`<<: *defaults`)', () => {
  const parsed = (text: string) => {
    const file = parseYamlFile(text);
    const document = file.documents[0]!;
    return { file, document, pod: mapAt(asMap(document.contents), ['pod'], document)! };
  };

  it('values are read through merges; a key of the map itself wins', () => {
    const { document, pod } = parsed('base: &base {a: 1, b: 2}\npod:\n  <<: *base\n  b: 3\n');
    assert.equal(scalarValue(pod, 'a', document), 1);
    assert.equal(scalarValue(pod, 'b', document), 3);
  });

  it('setIn overrides an inherited scalar with a key of the map, leaving the merged map alone', () => {
    const text = 'base: &base {privileged: true, runAsUser: 10001}\npod:\n  <<: *base\n';
    const { file, document, pod } = parsed(text);
    assert.equal(applyEdits(text, setIn(file, document, pod, ['privileged'], 'false')), 'base: &base {privileged: true, runAsUser: 10001}\npod:\n  <<: *base\n  privileged: false\n');
  });

  it('setIn never writes a mapping over an inherited one (it would replace it whole, losing its other keys)', () => {
    const text = 'base: &base\n  securityContext: {runAsNonRoot: true}\npod:\n  <<: *base\n';
    const { file, document, pod } = parsed(text);
    assert.deepEqual(setIn(file, document, pod, ['securityContext', 'privileged'], 'false'), []);
  });
});
