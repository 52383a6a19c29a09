import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/engine/line-index';
import { splitYamlDocuments } from '../../server/src/core/yaml/yaml-chunks';

/** Every line start of an index, read through its public API. */
function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

const yamlLine = fc.constantFrom('---', 'kind: Pod', '  name: a', '# bulkhead-ignore', '', 'x: "\r"', '--- # doc', '\tkey: v');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const yamlText = fc.array(fc.tuple(yamlLine, lineBreak), { maxLength: 30 }).chain((lines) =>
  fc.boolean().map((endsWithBreak) => {
    const text = lines.map(([line, end]) => line + end).join('');
    return endsWithBreak ? text : text.replace(/(\r\n|\r|\n)$/, '');
  }),
);

test('an index joined from the YAML documents\' own indexes equals the index of the whole text', () => {
  fc.assert(
    fc.property(yamlText, (text) => {
      const parts = splitYamlDocuments(text).map((chunk) => ({ start: chunk.start, lines: new LineIndex(chunk.text) }));
      assert.deepEqual(lineStarts(LineIndex.join(text, parts)), lineStarts(new LineIndex(text)));
    }),
    { numRuns: 500, seed: 20261123 },
  );
});

test('joined index: CRLF documents, an empty last document, a single part', () => {
  for (const text of ['a: 1\r\n---\r\nb: 2\r\n', 'a: 1\n---\n', 'a: 1', '']) {
    const parts = splitYamlDocuments(text).map((chunk) => ({ start: chunk.start, lines: new LineIndex(chunk.text) }));
    const joined = LineIndex.join(text, parts);
    assert.deepEqual(lineStarts(joined), lineStarts(new LineIndex(text)), JSON.stringify(text));
    assert.deepEqual(joined.positionAt(text.length), new LineIndex(text).positionAt(text.length));
  }
});
