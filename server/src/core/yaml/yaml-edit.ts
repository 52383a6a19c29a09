/**
 * Minimal edits to YAML source: set a value, create a missing chain of keys, delete a pair —
 * without ever re-stringifying a document. Everything outside the edited span stays
 * byte-identical: comments, key order, quoting, indentation style, other documents.
 *
 * Block mappings get new pairs at the end of the line where their last pair ends, indented like
 * their siblings; flow mappings (`{}` / `{a: 1}`) are edited within their own braces.
 */
import type { TextEdit } from '../engine/types';
import { asMap, inheritsKey, isAlias, isMap, isScalar, isSeq, pairOf, rangeOf, resolveNode, type YamlDocument, type YamlFile, type YamlMap, type YamlNode } from './yaml-document';

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
    // A map inherited through `<<` would be replaced whole by one written here (merges are shallow):
    // its other keys would be lost. A scalar written here overrides just that key, as intended.
    if (!pair && rest.length > 0 && inheritsKey(current, key, document)) return [];
    if (!pair) return insertPair(file, document, current, key, rest, valueSource);
    if (isAlias(pair.value)) {
      // Never through an alias: the node it names is shared by every alias of it (and may be
      // some other field entirely, `apiVersion: &v v1` … `drop: *v`). The alias itself is replaced.
      return rest.length === 0 && pair.value.range ? [replacePairValue(file, pair.key as YamlNode, pair.value as YamlNode, valueSource)] : [];
    }
    const value = resolveNode(pair.value, document);
    if (rest.length === 0) {
      if (value?.range && !isEmptyScalar(value)) return [replacePairValue(file, pair.key as YamlNode, value, valueSource)];
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
      const indent = keyColumn(file, keyNode) + step;
      const at = file.lines.lineEnd(file.lines.positionAt(rangeOf(keyNode).start).line);
      return [{ start: at, end: at, newText: blockChain(file, rest, valueSource, indent, step) }];
    }
    // Some other value (`key: null`, `key: ~`): replace it with a flow mapping of the rest.
    return [replacePairValue(file, pair.key as YamlNode, value, flowChain(rest, valueSource))];
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
  return [{ start: breakBefore(file, firstLine), end: lines.lineEnd(lastLine), newText: '' }];
}

/** Replace a node's value text (not its comments). */
export function replaceNode(node: YamlNode, newText: string): TextEdit {
  const range = rangeOf(node);
  return { start: range.start, end: range.end, newText };
}

/**
 * Replace a value of any kind, a block one included: the range of a block collection or block
 * scalar runs on over the line break after it (`- ALL⏎`). That break (and blanks before it)
 * stays, or the next line would join the new value (`capabilities: { drop: [ALL] }privileged: false`).
 */
export function replaceValue(file: YamlFile, node: YamlNode, newText: string): TextEdit {
  const { start, end } = rangeOf(node);
  let contentEnd = end;
  while (contentEnd > start && isYamlBlank(file.text[contentEnd - 1]!)) contentEnd--;
  return { start, end: contentEnd, newText };
}

/**
 * Replace the value of `key` with a plain or flow value. A block sequence on the lines after its
 * key may sit at the key's own column (`key:⏎- a`); a flow value written there would not parse
 * (`key:⏎{ a: 1 }`), so it goes one level in.
 */
function replacePairValue(file: YamlFile, key: YamlNode, value: YamlNode, newText: string): TextEdit {
  const edit = replaceValue(file, value, newText);
  const keyAt = file.lines.positionAt(rangeOf(key).start);
  const valueAt = file.lines.positionAt(edit.start);
  const column = keyColumn(file, key);
  if (valueAt.line === keyAt.line || valueAt.character > column) return edit;
  return { ...edit, newText: `${' '.repeat(column + 2 - valueAt.character)}${newText}` };
}

/**
 * `value` quoted as the first item of `seq` is (`"ALL"` beside `"NET_RAW"`), plain when that one is
 * plain or there is none; `whenPlain` is the source of a plain one (a flow list may want quotes).
 */
export function quotedLikeFirstItem(file: YamlFile, seq: YamlNode & { items: unknown[] } | undefined, value: string, whenPlain = value): string {
  const first = seq?.items[0] as YamlNode | undefined;
  const quote = first?.range ? file.text[first.range[0]] : undefined;
  return quote === '"' || quote === "'" ? `${quote}${value}${quote}` : whenPlain;
}

/**
 * Appends an item to the sequence that is the value of `key` in `map`. A sequence written as an
 * alias (`drop: *defaults`) is shared with every other alias of it: the alias is replaced by a
 * flow sequence of the same items and the new one, and the anchored sequence stays as it is. No
 * edit when an item spans lines (it cannot be written into a flow sequence as it is).
 */
export function appendToSeqIn(file: YamlFile, document: YamlDocument, map: YamlMap, key: string, itemSource: string): TextEdit[] {
  const pair = pairOf(map, key);
  const seq = pair ? resolveNode(pair.value, document) : null;
  if (!pair || !seq || !isSeq(seq)) return [];
  if (!isAlias(pair.value)) return appendToSeq(file, seq as YamlNode & { items: unknown[]; flow?: boolean }, itemSource);
  const items: string[] = [];
  for (const item of seq.items as YamlNode[]) {
    if (!item.range) return [];
    const source = file.text.slice(rangeOf(item).start, rangeOf(item).end).trim();
    // A plain block item may hold what a flow sequence reads as syntax (`- a,b`).
    if (/[\r\n]/.test(source) || (isScalar(item) && item.type === 'PLAIN' && /[,[\]{}#]/.test(source))) return [];
    items.push(source);
  }
  return [replacePairValue(file, pair.key as YamlNode, pair.value as YamlNode, `[${[...items, itemSource].join(', ')}]`)];
}

/** Appends an item to a sequence, block (`- item`) or flow (`[a, item]`). */
export function appendToSeq(file: YamlFile, seq: YamlNode & { items: unknown[]; flow?: boolean }, itemSource: string): TextEdit[] {
  const range = rangeOf(seq);
  if (seq.flow || seq.items.length === 0) {
    const closing = file.text.lastIndexOf(']', range.end);
    if (closing < range.start) return [replaceValue(file, seq, `[${itemSource}]`)];
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
 * no empty block sequence is left behind. `item` is the item as written (an alias item is removed
 * where it is written); a sequence written as an alias (`add: *caps`) is shared, so there is no edit.
 */
export function deleteSeqItem(file: YamlFile, document: YamlDocument, map: YamlMap, key: string, item: YamlNode): TextEdit[] {
  const pair = pairOf(map, key);
  // A sequence written as an alias is shared with every other alias of it: not edited from here.
  if (pair && isAlias(pair.value)) return [];
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
  return [{ start: breakBefore(file, firstLine), end: lines.lineEnd(lastLine), newText: '' }];
}

/**
 * Where the line break before `line` starts (0 on the first line). The break there, not the
 * file's usual one: in a file of mixed line ends, taking two characters for a LF cut into the
 * line above (an emoji split in half).
 */
function breakBefore(file: YamlFile, line: number): number {
  return line > 0 ? file.lines.lineEnd(line - 1) : 0;
}

function insertPair(file: YamlFile, document: YamlDocument, map: YamlMap, key: string, rest: readonly string[], valueSource: string): TextEdit[] {
  if (hasComplexKey(map)) return [];
  if (map.flow || map.items.length === 0) {
    const range = rangeOf(map);
    const closing = file.text.lastIndexOf('}', range.end);
    const entry = `${key}: ${flowChain(rest, valueSource)}`;
    if (closing < range.start || map.items.length === 0) return [replaceValue(file, map, `{ ${entry} }`)];
    return [{ start: endOfPair(map.items[map.items.length - 1]!), end: endOfPair(map.items[map.items.length - 1]!), newText: `, ${entry}` }];
  }
  const indent = keyColumn(file, map.items[0]!.key as YamlNode);
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
  while (end > 0 && isYamlBlank(text[end - 1]!)) end--;
  return Math.max(0, end - 1);
}

/**
 * A mapping with a collection for a key (`? {a: 1}`, `? [a]`) is no Kubernetes or Compose object,
 * and where its keys start is anyone's guess: nothing is inserted into one.
 */
function hasComplexKey(map: YamlMap): boolean {
  return map.items.some((item) => item.key !== null && !isScalar(item.key));
}

/**
 * Space, tab or line break: what YAML itself skips. Not JavaScript's `\s`: a vertical tab or a
 * no-break space is content to YAML (`image: a\n  \v` is the two-line string "a \v"), and
 * skipping it as blank put an inserted key inside that string.
 */
function isYamlBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

function columnOf(file: YamlFile, offset: number): number {
  return file.lines.positionAt(offset).character;
}

/**
 * The column a key starts at, with its tag, anchor or explicit-key mark (`!Ref key:`, `&a key:`,
 * `? key`): the node's range leaves them out, and keys inserted beside it lined up under the
 * key's name instead.
 */
function keyColumn(file: YamlFile, key: YamlNode): number {
  const { text } = file;
  let start = rangeOf(key).start;
  for (let props = 0; props < 2; props++) {
    let wordEnd = start;
    while (wordEnd > 0 && (text[wordEnd - 1] === ' ' || text[wordEnd - 1] === '\t')) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && !isYamlBlank(text[wordStart - 1]!)) wordStart--;
    const word = text.slice(wordStart, wordEnd);
    if (wordEnd === start || word === '' || (word !== '?' && word[0] !== '!' && word[0] !== '&')) break;
    start = wordStart;
  }
  return columnOf(file, start);
}

function dashBefore(file: YamlFile, offset: number): number {
  const dash = file.text.lastIndexOf('-', offset);
  return dash >= 0 ? dash : offset;
}

/**
 * The indentation step to use under `map`: read off one of its nested block mappings, else off
 * the first block mapping nested in another anywhere in the document; 2 when nothing shows it.
 */
function indentStep(file: YamlFile, document: YamlDocument, map: YamlMap | undefined): number {
  return (map && nestedStep(file, map)) ?? documentStep(file, document.contents) ?? 2;
}

function nestedStep(file: YamlFile, map: YamlMap): number | undefined {
  if (map.flow || !map.items[0]) return undefined;
  const mapIndent = keyColumn(file, map.items[0].key as YamlNode);
  for (const item of map.items) {
    const child = item.value;
    if (isMap(child) && !child.flow && child.items[0]) {
      const step = keyColumn(file, child.items[0].key as YamlNode) - mapIndent;
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
  // Looked up once per file: every fix asks, and scanning the whole text each time made a
  // Compose file of 40,000 services (one document) quadratic.
  let found = eols.get(file);
  if (found === undefined) {
    found = file.text.includes('\r\n') ? '\r\n' : '\n';
    eols.set(file, found);
  }
  return found;
}

const eols = new WeakMap<YamlFile, string>();

/**
 * A value to merge into YAML source: the source text of a scalar or flow collection (`false`,
 * `RuntimeDefault`, `{}`), a mapping of values, or a sequence of values.
 */
export type YamlValue = string | YamlValues | readonly YamlValue[];
export interface YamlValues {
  readonly [key: string]: YamlValue;
}

/**
 * Edits that merge `values` into `map` in one pass, with non-overlapping edits: mappings merge
 * key by key (missing keys are inserted together, block or flow like the mapping they join),
 * sequences get the items appended, scalars replace what is there. New block content follows the
 * document's indentation step and its sequence style (indented `- ` or not). Edits nested deeper
 * come first in the list, so insertions at the same offset apply in the right order (see
 * {@link joinEdits}).
 */
export function mergeInto(file: YamlFile, document: YamlDocument, map: YamlMap, values: YamlValues): TextEdit[] {
  if (hasComplexKey(map)) return [];
  const edits: TextEdit[] = [];
  const missing: [string, YamlValue][] = [];
  const step = indentStep(file, document, map);
  for (const [key, wanted] of Object.entries(values)) {
    const pair = pairOf(map, key);
    // As in setIn: a mapping or sequence written here would replace an inherited one whole.
    if (!pair && typeof wanted !== 'string' && inheritsKey(map, key, document)) continue;
    if (!pair) {
      missing.push([key, wanted]);
      continue;
    }
    if (isAlias(pair.value)) {
      // As in setIn: an alias is replaced by a plain value, never merged into (what it names is shared).
      if (typeof wanted === 'string' && pair.value.range) edits.push(replacePairValue(file, pair.key as YamlNode, pair.value as YamlNode, wanted));
      continue;
    }
    const value = resolveNode(pair.value, document);
    const keyNode = pair.key as YamlNode;
    if (isMapping(wanted) && asMap(value)) {
      edits.push(...mergeInto(file, document, asMap(value)!, wanted));
    } else if (Array.isArray(wanted) && value && isSeq(value)) {
      for (const item of wanted as readonly YamlValue[]) edits.push(...appendValueToSeq(file, document, value as YamlNode & { items: unknown[]; flow?: boolean }, item));
    } else if (!value || isEmptyScalar(value)) {
      if (typeof wanted === 'string' || map.flow || isEmptyValue(wanted)) {
        edits.push(afterKey(file, keyNode, ` ${flowValue(wanted)}`));
      } else {
        const indent = keyColumn(file, keyNode);
        const at = file.lines.lineEnd(file.lines.positionAt(rangeOf(keyNode).start).line);
        edits.push({ start: at, end: at, newText: blockValue(file, document, wanted, indent, step) });
      }
    } else {
      edits.push(replacePairValue(file, keyNode, value, flowValue(wanted)));
    }
  }
  if (missing.length === 0) return edits;
  if (map.flow || map.items.length === 0) {
    const range = rangeOf(map);
    const entries = missing.map(([key, value]) => `${key}: ${flowValue(value)}`).join(', ');
    const closing = file.text.lastIndexOf('}', range.end);
    if (closing < range.start || map.items.length === 0) return [...edits, replaceValue(file, map, `{ ${entries} }`)];
    const end = endOfPair(map.items[map.items.length - 1]!);
    return [...edits, { start: end, end, newText: `, ${entries}` }];
  }
  const indent = keyColumn(file, map.items[0]!.key as YamlNode);
  const at = lineEndAfter(file, endOfPair(map.items[map.items.length - 1]!));
  return [...edits, { start: at, end: at, newText: blockPairs(file, document, missing, indent, step) }];
}

/** Edits that append `item` to a block or flow sequence; a mapping item is written in block style in a block sequence. */
export function appendValueToSeq(file: YamlFile, document: YamlDocument, seq: YamlNode & { items: unknown[]; flow?: boolean }, item: YamlValue): TextEdit[] {
  if (seq.flow || seq.items.length === 0 || typeof item === 'string') return appendToSeq(file, seq, flowValue(item));
  const first = seq.items[0] as YamlNode;
  const dash = dashBefore(file, rangeOf(first).start);
  const dashColumn = columnOf(file, dash);
  const contentColumn = Math.max(dashColumn + 2, columnOf(file, rangeOf(first).start));
  const last = seq.items[seq.items.length - 1] as YamlNode;
  const at = lineEndAfter(file, rangeOf(last).end);
  // Only a mapping item shows the step (the sequence's own items are not pairs).
  const step = indentStep(file, document, asMap(first));
  return [{ start: at, end: at, newText: blockItem(file, document, item, dashColumn, contentColumn - dashColumn, step) }];
}

/**
 * Sorts edits by position, keeping the list order of edits that start at the same offset, and
 * joins insertions at one offset into a single edit (in list order), so that every client applies
 * them the same way. Throws on overlapping edits.
 */
export function joinEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order).map(({ edit }) => edit);
  const joined: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = joined[joined.length - 1];
    if (previous && previous.start === previous.end && edit.start === previous.start) {
      joined[joined.length - 1] = { start: previous.start, end: edit.end, newText: previous.newText + edit.newText };
      continue;
    }
    if (previous && edit.start < previous.end) throw new Error(`overlapping edits at offset ${edit.start}`);
    joined.push(edit);
  }
  return joined;
}

/** The YAML source of a value in flow style: `{ a: 1, b: [x] }`. */
export function flowValue(value: YamlValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${(value as readonly YamlValue[]).map(flowValue).join(', ')}]`;
  const entries = Object.entries(value as YamlValues);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, inner]) => `${key}: ${flowValue(inner)}`).join(', ')} }`;
}

function isMapping(value: YamlValue): value is YamlValues {
  return typeof value === 'object' && !Array.isArray(value);
}

/** `{}`, `[]`: written in flow style even in block context. */
function isEmptyValue(value: YamlValue): boolean {
  return typeof value !== 'string' && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

/** Block pairs, each on a new line at `indent`. */
function blockPairs(file: YamlFile, document: YamlDocument, entries: readonly (readonly [string, YamlValue])[], indent: number, step: number): string {
  return entries.map(([key, value]) => {
    const head = `${eol(file)}${' '.repeat(indent)}${key}:`;
    return typeof value === 'string' || isEmptyValue(value) ? `${head} ${flowValue(value)}` : head + blockValue(file, document, value, indent, step);
  }).join('');
}

/** The block content under a key at column `keyIndent`: nested pairs, or sequence items. */
function blockValue(file: YamlFile, document: YamlDocument, value: YamlValues | readonly YamlValue[], keyIndent: number, step: number): string {
  if (!Array.isArray(value)) return blockPairs(file, document, Object.entries(value as YamlValues), keyIndent + step, step);
  const dashColumn = keyIndent + sequenceOffset(file, document, step);
  return (value as readonly YamlValue[]).map((item) => blockItem(file, document, item, dashColumn, 2, step)).join('');
}

/** `- item` at `dashColumn`; a mapping item's keys at `dashColumn + contentOffset`, the first one on the dash line. */
function blockItem(file: YamlFile, document: YamlDocument, item: YamlValue, dashColumn: number, contentOffset: number, step: number): string {
  const dashLine = `${eol(file)}${' '.repeat(dashColumn)}-${' '.repeat(Math.max(1, contentOffset - 1))}`;
  if (typeof item === 'string' || isEmptyValue(item) || Array.isArray(item)) return `${dashLine}${flowValue(item)}`;
  const pairs = blockPairs(file, document, Object.entries(item as YamlValues), dashColumn + contentOffset, step);
  return dashLine + pairs.slice(eol(file).length + dashColumn + contentOffset);
}

/**
 * How far the document indents a block sequence's dashes past its key: 0 for `key:\n- item`,
 * the step otherwise (read off the first block sequence under a key; the step when there is none).
 */
function sequenceOffset(file: YamlFile, document: YamlDocument, step: number): number {
  const queue: unknown[] = [document.contents];
  for (let visited = 0; visited < queue.length && visited < 5000; visited++) {
    const node = queue[visited];
    if (isMap(node)) {
      for (const item of node.items) {
        const value = item.value;
        if (isSeq(value) && !value.flow && value.items[0] && (value.items[0] as YamlNode).range && isScalar(item.key)) {
          const keyLine = file.lines.positionAt(rangeOf(item.key as YamlNode).start).line;
          const dash = dashBefore(file, rangeOf(value.items[0] as YamlNode).start);
          if (file.lines.positionAt(dash).line > keyLine) return Math.max(0, columnOf(file, dash) - keyColumn(file, item.key as YamlNode));
        }
        queue.push(value);
      }
    } else if (isSeq(node)) {
      queue.push(...node.items);
    }
  }
  return step;
}
