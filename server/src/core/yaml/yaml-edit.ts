/**
 * Minimal edits to YAML source: set a value, create a missing chain of keys, delete a pair —
 * without ever re-stringifying a document. Everything outside the edited span stays
 * byte-identical: comments, key order, quoting, indentation style, other documents.
 *
 * Block mappings get new pairs at the end of the line where their last pair ends, indented like
 * their siblings; flow mappings (`{}` / `{a: 1}`) are edited within their own braces.
 */
import type { TextEdit } from '../engine/types';
import { asMap, isMap, isScalar, isSeq, pairOf, rangeOf, resolveNode, type YamlDocument, type YamlFile, type YamlMap, type YamlNode } from './yaml-document';

/**
 * Edits that make `map.path[0].path[1]…` equal `valueSource` (YAML source text of a scalar or a
 * flow collection, e.g. `false` or `["ALL"]`), creating the missing parents.
 */
export function setIn(file: YamlFile, document: YamlDocument, map: YamlMap, path: readonly string[], valueSource: string): TextEdit[] {
  if (path.length === 0) throw new Error('setIn needs a key');
  let current = map;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]!;
    const rest = path.slice(depth + 1);
    const pair = pairOf(current, key);
    if (!pair) return insertPair(file, document, current, key, rest, valueSource);
    const value = resolveNode(pair.value, document);
    if (rest.length === 0) {
      if (value?.range && !isEmptyScalar(value)) return [replaceNode(value, valueSource)];
      return [afterKey(file, pair.key as YamlNode, ` ${valueSource}`)];
    }
    const child = asMap(value);
    if (child) {
      current = child;
      continue;
    }
    if (!value || isEmptyScalar(value)) {
      // `key:` with nothing after it: hang the rest of the chain under the key.
      const keyNode = pair.key as YamlNode;
      if (current.flow) return [afterKey(file, keyNode, ` ${flowChain(rest, valueSource)}`)];
      const step = indentStep(file, document, current);
      const indent = columnOf(file, rangeOf(keyNode).start) + step;
      const at = file.lines.lineEnd(file.lines.positionAt(rangeOf(keyNode).start).line);
      return [{ start: at, end: at, newText: blockChain(file, rest, valueSource, indent, step) }];
    }
    // Some other value (`key: null`, `key: ~`): replace it with a flow mapping of the rest.
    return [replaceNode(value, flowChain(rest, valueSource))];
  }
  return [];
}

/**
 * Edits that delete `key` (with its value) from `map`. In a block mapping the pair's whole lines
 * go (its trailing comment too); a pair that shares its line with a `- ` keeps the dash, and the
 * next key moves up onto it; the only pair of a block mapping becomes `{}` so the parent stays valid.
 */
export function deletePair(file: YamlFile, map: YamlMap, key: string): TextEdit[] {
  const index = map.items.findIndex((item) => isScalar(item.key) && item.key.value === key);
  if (index < 0) return [];
  const pair = map.items[index]!;
  const start = rangeOf(pair.key as YamlNode).start;
  const end = endOfPair(pair);
  const next = map.items[index + 1];
  if (map.flow) {
    const previous = map.items[index - 1];
    if (next) return [{ start, end: rangeOf(next.key as YamlNode).start, newText: '' }];
    if (previous) return [{ start: endOfPair(previous), end, newText: '' }];
    return [{ start, end, newText: '' }];
  }
  const contentEnd = trimEnd(file.text, end) + 1;
  if (map.items.length === 1) return [{ start, end: Math.max(start, contentEnd), newText: '{}' }];
  const lines = file.lines;
  const firstLine = lines.positionAt(start).line;
  const onlyThingOnLine = file.text.slice(lines.lineStart(firstLine), start).trim() === '';
  if (!onlyThingOnLine) {
    // `- key: value` followed by more pairs: the next pair moves up behind the dash.
    if (next) return [{ start, end: rangeOf(next.key as YamlNode).start, newText: '' }];
    return [{ start, end: contentEnd, newText: '' }];
  }
  const lastLine = lines.positionAt(contentEnd - 1).line;
  if (lastLine + 1 < lines.lineCount) return [{ start: lines.lineStart(firstLine), end: lines.lineStart(lastLine + 1), newText: '' }];
  // The pair ends the file without a line break: take the break before it instead.
  const removeFrom = Math.max(0, lines.lineStart(firstLine) - eol(file).length);
  return [{ start: removeFrom, end: lines.lineEnd(lastLine), newText: '' }];
}

/** Replace a node's value text (not its comments). */
export function replaceNode(node: YamlNode, newText: string): TextEdit {
  const range = rangeOf(node);
  return { start: range.start, end: range.end, newText };
}

/** Appends an item to a sequence, block (`- item`) or flow (`[a, item]`). */
export function appendToSeq(file: YamlFile, seq: YamlNode & { items: unknown[]; flow?: boolean }, itemSource: string): TextEdit[] {
  const range = rangeOf(seq);
  if (seq.flow || seq.items.length === 0) {
    const closing = file.text.lastIndexOf(']', range.end);
    if (closing < range.start) return [replaceNode(seq, `[${itemSource}]`)];
    const inner = file.text.slice(range.start + 1, closing).trim();
    const separator = inner === '' ? '' : inner.endsWith(',') ? (/\s/.test(file.text[closing - 1]!) ? '' : ' ') : ', ';
    return [{ start: closing, end: closing, newText: `${separator}${itemSource}` }];
  }
  const first = seq.items[0] as YamlNode;
  const dashColumn = columnOf(file, dashBefore(file, rangeOf(first).start));
  const last = seq.items[seq.items.length - 1] as YamlNode;
  const at = lineEndAfter(file, rangeOf(last).end);
  return [{ start: at, end: at, newText: `${eol(file)}${' '.repeat(dashColumn)}- ${itemSource}` }];
}

/**
 * Edits that remove `item` from the sequence that is the value of `key` in `map`. A block
 * item goes with its whole lines (its trailing comment too); a flow item with the separator
 * next to it. Removing the only item removes the `key` pair itself (see {@link deletePair}), so
 * no empty block sequence is left behind. An item written as an alias is not the node it names:
 * for one, there is no edit.
 */
export function deleteSeqItem(file: YamlFile, document: YamlDocument, map: YamlMap, key: string, item: YamlNode): TextEdit[] {
  const pair = pairOf(map, key);
  const seq = pair ? resolveNode(pair.value, document) : null;
  if (!seq || !isSeq(seq)) return [];
  const items = seq.items as YamlNode[];
  const index = items.indexOf(item);
  if (index < 0 || !item.range) return [];
  if (items.length === 1) return deletePair(file, map, key);
  const { start, end } = rangeOf(item);
  if (seq.flow) {
    const next = items[index + 1];
    if (next?.range) return [{ start, end: rangeOf(next).start, newText: '' }];
    return [{ start: rangeOf(items[index - 1]!).end, end, newText: '' }];
  }
  const lines = file.lines;
  const dash = dashBefore(file, start);
  const firstLine = lines.positionAt(dash).line;
  const lastLine = lines.positionAt(trimEnd(file.text, end)).line;
  if (lastLine + 1 < lines.lineCount) return [{ start: lines.lineStart(firstLine), end: lines.lineStart(lastLine + 1), newText: '' }];
  // The item ends the file without a line break: take the break before it instead.
  return [{ start: Math.max(0, lines.lineStart(firstLine) - eol(file).length), end: lines.lineEnd(lastLine), newText: '' }];
}

function insertPair(file: YamlFile, document: YamlDocument, map: YamlMap, key: string, rest: readonly string[], valueSource: string): TextEdit[] {
  if (map.flow || map.items.length === 0) {
    const range = rangeOf(map);
    const closing = file.text.lastIndexOf('}', range.end);
    const entry = `${key}: ${flowChain(rest, valueSource)}`;
    if (closing < range.start || map.items.length === 0) return [replaceNode(map, `{ ${entry} }`)];
    return [{ start: endOfPair(map.items[map.items.length - 1]!), end: endOfPair(map.items[map.items.length - 1]!), newText: `, ${entry}` }];
  }
  const indent = columnOf(file, rangeOf(map.items[0]!.key as YamlNode).start);
  const last = map.items[map.items.length - 1]!;
  const at = lineEndAfter(file, endOfPair(last));
  const chain = blockChain(file, [key, ...rest], valueSource, indent, indentStep(file, document, map));
  return [{ start: at, end: at, newText: chain }];
}

/** `\n<indent>a:\n<indent+step>b: value` for keys [a, b]. */
function blockChain(file: YamlFile, keys: readonly string[], valueSource: string, indent: number, step: number): string {
  let text = '';
  keys.forEach((key, depth) => {
    const last = depth === keys.length - 1;
    text += `${eol(file)}${' '.repeat(indent + depth * step)}${key}:${last ? ` ${valueSource}` : ''}`;
  });
  return text;
}

/** `{a: {b: value}}` for keys [a, b]; the value itself for no keys. */
function flowChain(keys: readonly string[], valueSource: string): string {
  return keys.reduceRight((inner, key) => `{ ${key}: ${inner} }`, valueSource);
}

/** `key:` with nothing written after the colon. */
function isEmptyScalar(node: YamlNode): boolean {
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined) && rangeOf(node).start === rangeOf(node).end;
}

function afterKey(file: YamlFile, key: YamlNode, text: string): TextEdit {
  const colon = file.text.indexOf(':', rangeOf(key).end);
  const at = colon >= 0 ? colon + 1 : rangeOf(key).end;
  return { start: at, end: at, newText: text };
}

function endOfPair(pair: { key: unknown; value: unknown }): number {
  const value = pair.value as YamlNode | null;
  if (value?.range) return value.range[1];
  return rangeOf(pair.key as YamlNode).end;
}

/** Offset of the end of the line on which the text before `offset` ends (trailing blanks skipped). */
function lineEndAfter(file: YamlFile, offset: number): number {
  const line = file.lines.positionAt(trimEnd(file.text, offset)).line;
  return file.lines.lineEnd(line);
}

function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /[\s]/.test(text[end - 1]!)) end--;
  return Math.max(0, end - 1);
}

function columnOf(file: YamlFile, offset: number): number {
  return file.lines.positionAt(offset).character;
}

function dashBefore(file: YamlFile, offset: number): number {
  const dash = file.text.lastIndexOf('-', offset);
  return dash >= 0 ? dash : offset;
}

/**
 * The indentation step to use under `map`: read off one of its nested block mappings, else off
 * the first block mapping nested in another anywhere in the document; 2 when nothing shows it.
 */
function indentStep(file: YamlFile, document: YamlDocument, map: YamlMap): number {
  return nestedStep(file, map) ?? documentStep(file, document.contents) ?? 2;
}

function nestedStep(file: YamlFile, map: YamlMap): number | undefined {
  if (map.flow || !map.items[0]) return undefined;
  const mapIndent = columnOf(file, rangeOf(map.items[0].key as YamlNode).start);
  for (const item of map.items) {
    const child = item.value;
    if (isMap(child) && !child.flow && child.items[0]) {
      const step = columnOf(file, rangeOf(child.items[0].key as YamlNode).start) - mapIndent;
      if (step > 0) return step;
    }
  }
  return undefined;
}

/** Breadth-first over the document's collections (aliases are not followed), visiting a bounded number. */
function documentStep(file: YamlFile, root: YamlNode | null): number | undefined {
  const queue: unknown[] = [root];
  for (let visited = 0; visited < queue.length && visited < 5000; visited++) {
    const node = queue[visited];
    if (isMap(node)) {
      const step = nestedStep(file, node as YamlMap);
      if (step !== undefined) return step;
      for (const item of node.items) queue.push(item.value);
    } else if (isSeq(node)) {
      queue.push(...node.items);
    }
  }
  return undefined;
}

export function eol(file: YamlFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n';
}
