/**
 * The YAML adapter shared by the Kubernetes and Compose models: the only importer of `yaml`.
 * Parses every document of a file once, keeps node ranges, and offers small typed accessors
 * so rules never touch the library's node classes directly.
 *
 * Aliases are resolved one level at a time (never expanded into copies), so an alias bomb costs
 * nothing here; `toJS` is never called (test/core/bounds.test.ts checks both).
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, Lexer, parseAllDocuments, parseDocument, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../engine/line-index';
import type { OffsetRange } from '../engine/types';

export type YamlNode = Node;
export type YamlMap = YAMLMap<unknown, unknown>;
export type YamlSeq = YAMLSeq<unknown>;
export type YamlScalar = Scalar<unknown>;
export type YamlPair = Pair<unknown, unknown>;

export interface YamlParseError {
  readonly message: string;
  readonly range: OffsetRange;
}

export interface YamlDocument {
  /** 0-based position of the document in its file. */
  readonly index: number;
  /** From the document's first character to its end (including a trailing `---` line's start). */
  readonly range: OffsetRange;
  readonly contents: YamlNode | null;
  readonly errors: readonly YamlParseError[];
  /** The library's document, for alias resolution only. */
  readonly source: Document.Parsed;
  /** Set when the text was nested too deeply to parse: contents are unknown, not absent. */
  readonly tooDeep?: true;
}

export interface YamlFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
}

/** A carriage return not followed by a line feed: a line break on its own (old Mac, or a truncated CRLF). */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/g;

export function parseYamlFile(text: string): YamlFile {
  // The YAML spec, libyaml (so kubectl), LineIndex and editors all read a lone CR as a line
  // break; the `yaml` package reads it as content (`a: 1\r` is the string "1\r", and a fix
  // appending after it breaks the file). A LF in its place agrees with them all and keeps every
  // offset where it was.
  const list = parseOrGiveUp(text.replace(LONE_CARRIAGE_RETURN, '\n'));
  if (!list) return tooDeep(text);
  const documents = list.map((document, index): YamlDocument => {
    const [start, , end] = document.range;
    return {
      index,
      range: { start, end },
      contents: (document.contents as YamlNode | null) ?? null,
      errors: document.errors.map((error) => ({
        message: error.message.split('\n')[0] ?? error.message,
        range: { start: errorOffset(text, error.pos[0]), end: errorOffset(text, Math.max(error.pos[1], error.pos[0])) },
      })),
      source: document,
    };
  });
  return { text, lines: new LineIndex(text), documents };
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false };

/**
 * Collections nested deeper than this are not analysed. The parser recurses once per level
 * (`a: b: c: …` on one line, `[[[[…`) and runs out of stack somewhere past 800 levels — where
 * exactly depends on how deep the caller's stack already is, so what it made of such input would
 * change from one call to the next. Real manifests stay far below.
 */
export const MAX_YAML_NESTING = 200;

/**
 * The parsed documents, or undefined when some collection is nested deeper than MAX_YAML_NESTING
 * or the parser ran out of stack: in the middle of the parse, where it throws, or of composing a
 * node, where it records a `RESOURCE_EXHAUSTION` error and carries on.
 */
function parseOrGiveUp(text: string) {
  try {
    const parsed = parseAllDocuments(text, PARSE_OPTIONS);
    const list = Array.isArray(parsed) ? parsed : [];
    const tooDeep = list.some((document) => document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION') || nestingOf(document.contents) > MAX_YAML_NESTING);
    return tooDeep ? undefined : list;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** How many collections deep `root` goes, counted without recursion. */
function nestingOf(root: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (!isCollection(node)) continue;
    deepest = Math.max(deepest, depth);
    for (const item of node.items) {
      if (isPair(item)) pending.push([item.key, depth + 1], [item.value, depth + 1]);
      else pending.push([item, depth + 1]);
    }
  }
  return deepest;
}

/** The file as one document with nothing in it but an error saying why. */
function tooDeep(text: string): YamlFile {
  const document: YamlDocument = {
    index: 0,
    range: { start: 0, end: text.length },
    contents: null,
    errors: [{ message: `Nested deeper than ${MAX_YAML_NESTING} levels: not parsed`, range: { start: 0, end: 0 } }],
    source: parseDocument('', PARSE_OPTIONS),
    tooDeep: true,
  };
  return { text, lines: new LineIndex(text), documents: [document] };
}

/**
 * An error position as a place an editor can show: the parser reports an error at the end of the
 * input (an unclosed `{`) one past it, and some between the CR and the LF of a line break or
 * between the two halves of a surrogate pair (an emoji).
 */
function errorOffset(text: string, offset: number): number {
  const inside = Math.min(offset, text.length);
  const before = text.charCodeAt(inside - 1);
  const after = text.charCodeAt(inside);
  const splitsPair = (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
  return splitsPair ? inside - 1 : inside;
}

export function rangeOf(node: YamlNode): OffsetRange {
  const [start, valueEnd] = node.range ?? [0, 0];
  return { start, end: valueEnd };
}

/** Follows an alias to the node it names (one level), or returns the node itself. */
export function resolveNode(node: unknown, document: YamlDocument | undefined): YamlNode | null {
  if (isAlias(node)) {
    if (!document) return null;
    return aliasTargetsOf(document.source).get(node) ?? null;
  }
  return (node as YamlNode | null) ?? null;
}

const aliasTargets = new WeakMap<Document.Parsed, ReadonlyMap<Alias, YamlNode>>();

/**
 * The node each alias of a document names, found in one pass on first use. The library's
 * `Alias.resolve` walks the whole document on every call: a document of 100,000 `*a` took
 * quadratic time (4,000 aliases already 17 s). Same answer as the library: the last node
 * anchored with the alias's name before it, in document order (a collection before its items,
 * a key before its value). Iterative, so a deep document cannot overflow the stack here.
 */
function aliasTargetsOf(document: Document.Parsed): ReadonlyMap<Alias, YamlNode> {
  const known = aliasTargets.get(document);
  if (known) return known;
  const targets = new Map<Alias, YamlNode>();
  const anchored = new Map<string, YamlNode>();
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      if (target) targets.set(node, target);
    } else if (isPair(node)) {
      pending.push(node.value, node.key);
    } else if (isNode(node)) {
      if (node.anchor) anchored.set(node.anchor, node);
      if (isCollection(node)) for (let index = node.items.length - 1; index >= 0; index--) pending.push(node.items[index]);
    }
  }
  aliasTargets.set(document, targets);
  return targets;
}

export function asMap(node: unknown): YamlMap | undefined {
  return isMap(node) ? (node as YamlMap) : undefined;
}

export function asSeq(node: unknown): YamlSeq | undefined {
  return isSeq(node) ? (node as YamlSeq) : undefined;
}

export function asScalar(node: unknown): YamlScalar | undefined {
  return isScalar(node) ? (node as YamlScalar) : undefined;
}

export { isAlias, isMap, isNode, isPair, isScalar, isSeq };

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YamlMap | undefined, key: string): YamlPair | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as YamlPair;
  }
  return undefined;
}

/** The YAML merge key: `<<: *defaults` (or `<<: [*a, *b]`) gives the map the pairs it lacks. */
export const MERGE_KEY = '<<';
/** Nested merges followed at most this deep (an anchor merging an anchor merging …). */
const MAX_MERGE_DEPTH = 8;

/**
 * The value node of `key` in `map` (aliases followed), or undefined. With the document, a key
 * the map lacks is looked up in its `<<` merges, as Kubernetes' YAML decoder and Compose read it.
 */
export function valueOf(map: YamlMap | undefined, key: string, document?: YamlDocument): YamlNode | undefined {
  const pair = pairOf(map, key) ?? (document && map ? mergedPair(map, key, document, 0, new Set()) : undefined);
  if (!pair) return undefined;
  return resolveNode(pair.value, document) ?? undefined;
}

/**
 * The pair that gives `map` its `key` through a `<<` merge (the first merge source that has it,
 * in YAML's order). `visited`: each merged map is looked in once (a merge bomb would otherwise be
 * searched exponentially).
 */
function mergedPair(map: YamlMap, key: string, document: YamlDocument, depth: number, visited: Set<YamlMap>): YamlPair | undefined {
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  const merge = pairOf(map, MERGE_KEY);
  if (!merge) return undefined;
  for (const source of mergeSourcesOf(merge.value, document)) {
    if (visited.has(source)) continue;
    visited.add(source);
    const found = pairOf(source, key) ?? mergedPair(source, key, document, depth + 1, visited);
    if (found) return found;
  }
  return undefined;
}

/** True when `map` has `key`, its own or inherited through a `<<` merge. */
export function hasKey(map: YamlMap | undefined, key: string, document: YamlDocument): boolean {
  return map !== undefined && (pairOf(map, key) !== undefined || mergedPair(map, key, document, 0, new Set()) !== undefined);
}

/** The keys of `map` (scalar keys as strings): its own, then those it inherits through `<<` merges. */
export function keysOf(map: YamlMap, document: YamlDocument): string[] {
  return entriesOf(map, document).map((entry) => entry.key);
}

/**
 * The pairs of `map` with string keys: its own, then those it inherits through `<<` merges (a key
 * of its own wins, then the earlier merge source). Inherited pairs are written in the merged map:
 * point at the `<<` pair for them ({@link keyRange}, {@link pairRange}) and never edit them from
 * here. Linear in the pairs: a 1 MB flow mapping has tens of thousands.
 */
export function entriesOf(map: YamlMap, document: YamlDocument): { readonly key: string; readonly pair: YamlPair; readonly inherited: boolean }[] {
  const entries: { key: string; pair: YamlPair; inherited: boolean }[] = [];
  const seen = new Set<string>();
  const visit = (current: YamlMap, depth: number, visited: Set<YamlMap>): void => {
    for (const item of current.items) {
      const key = isPair(item) && isScalar(item.key) ? item.key.value : undefined;
      if (typeof key !== 'string' || key === MERGE_KEY || seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, pair: item as YamlPair, inherited: depth > 0 });
    }
    const merge = depth < MAX_MERGE_DEPTH ? pairOf(current, MERGE_KEY) : undefined;
    for (const source of merge ? mergeSourcesOf(merge.value, document) : []) {
      if (visited.has(source)) continue;
      visited.add(source);
      visit(source, depth + 1, visited);
    }
  };
  visit(map, 0, new Set());
  return entries;
}

/** True when `map` has no `key` of its own but inherits one through a `<<` merge. */
export function inheritsKey(map: YamlMap, key: string, document: YamlDocument): boolean {
  return !pairOf(map, key) && mergedPair(map, key, document, 0, new Set()) !== undefined;
}

/** The maps a `<<` value names: one map, or a sequence of them (aliases followed). */
export function mergeSourcesOf(value: unknown, document: YamlDocument): YamlMap[] {
  const resolved = resolveNode(value, document);
  const single = asMap(resolved);
  if (single) return [single];
  const seq = asSeq(resolved);
  if (!seq) return [];
  return seq.items.map((item) => asMap(resolveNode(item, document))).filter((source): source is YamlMap => source !== undefined);
}

/**
 * The value node of `key` in `map` as written: the alias itself for `*name`. Findings point and
 * fixes edit here, never at the node an alias names (shared with every other alias of it, and
 * maybe some other field entirely); values are read through `valueOf`. A key the map inherits
 * through `<<` is written at the merge's value (`*defaults`).
 */
export function writtenValueOf(map: YamlMap | undefined, key: string): YamlNode | undefined {
  const value = (pairOf(map, key) ?? pairOf(map, MERGE_KEY))?.value;
  return isNode(value) ? value : undefined;
}

export function mapAt(map: YamlMap | undefined, path: readonly string[], document?: YamlDocument): YamlMap | undefined {
  let current: YamlMap | undefined = map;
  for (const key of path) current = asMap(valueOf(current, key, document));
  return current;
}

/** The scalar value of `key` as a plain JavaScript value (string, number, boolean, null). */
export function scalarValue(map: YamlMap | undefined, key: string, document?: YamlDocument): unknown {
  const node = asScalar(valueOf(map, key, document));
  return node ? node.value : undefined;
}

export function stringValue(map: YamlMap | undefined, key: string, document?: YamlDocument): string | undefined {
  return scalarString(valueOf(map, key, document));
}

/** A scalar node's value as text (a string, or a number written as one), else undefined. */
export function scalarString(node: unknown): string | undefined {
  const value = asScalar(node)?.value;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The items of a sequence value, aliases followed. */
export function seqItems(node: unknown, document?: YamlDocument): YamlNode[] {
  return seqEntries(node, document).map((entry) => entry.node);
}

/** An item of a sequence: the node (aliases followed) and where it is written. */
export interface SeqEntry {
  readonly node: YamlNode;
  /**
   * Where findings point and fixes edit: the item as written (the alias for `*name`) or, when the
   * whole sequence is written as an alias (`add: *caps`, pass the value as written to see it), that alias.
   */
  readonly written: YamlNode;
  /** The item belongs to a sequence written as an alias: shared with every other alias of it, so never edited from here. */
  readonly shared: boolean;
}

/** The items of a sequence value (aliases followed). Pass the value as written ({@link writtenValueOf}) to learn where shared items are referenced. */
export function seqEntries(node: unknown, document?: YamlDocument): SeqEntry[] {
  const shared = isAlias(node);
  const seq = asSeq(resolveNode(node, document));
  if (!seq) return [];
  return seq.items.flatMap((item) => {
    const resolved = resolveNode(item, document);
    return resolved ? [{ node: resolved, written: (shared ? node : item) as YamlNode, shared }] : [];
  });
}

/** Key range of `key` in `map`, else of its `<<` merge (a key it may inherit), else the map's own range. */
export function keyRange(map: YamlMap, key: string): OffsetRange {
  const pair = pairOf(map, key) ?? pairOf(map, MERGE_KEY);
  return pair && isScalar(pair.key) ? rangeOf(pair.key as YamlScalar) : rangeOf(map);
}

/**
 * From the key of `key` to the end of its value: the whole `key: value` pair; for a key the map
 * lacks but may inherit, its `<<: *defaults` pair.
 */
export function pairRange(map: YamlMap, key: string): OffsetRange | undefined {
  const pair = pairOf(map, key) ?? pairOf(map, MERGE_KEY);
  if (!pair || !isScalar(pair.key)) return undefined;
  const keyStart = rangeOf(pair.key as YamlScalar).start;
  const value = pair.value as YamlNode | null;
  const end = value?.range ? value.range[1] : rangeOf(pair.key as YamlScalar).end;
  return { start: keyStart, end: Math.max(end, keyStart) };
}

/** The node's text as written (quotes included), for messages. */
export function sourceText(file: YamlFile, node: YamlNode): string {
  const range = rangeOf(node);
  return file.text.slice(range.start, range.end);
}

/** True for a scalar written with a value (not `key:` with nothing after it, nor `null` / `~`). */
export function hasValue(node: YamlNode | undefined): node is YamlNode {
  return node !== undefined && !(isScalar(node) && node.value === null);
}

/**
 * The string items of a sequence value (aliases followed), each with its node and the node as
 * written: an item written `*name` is reported and edited there, never at the node it names
 * (shared with every other alias of it, and maybe some other field entirely).
 */
export function stringItems(node: unknown, document?: YamlDocument): { readonly value: string; readonly node: YamlScalar; readonly written: YamlNode; readonly shared: boolean }[] {
  return seqEntries(node, document).flatMap(({ node: item, written, shared }) => {
    const scalar = asScalar(item);
    return scalar && typeof scalar.value === 'string' ? [{ value: scalar.value, node: scalar, written, shared }] : [];
  });
}

/**
 * Helm and other Go templates: a `{{` where YAML would read structure — two flow-mapping openers
 * in a row (`name: {{ include … }}`, `{{- if … }}`, `- {{ .Values.x }}`), which no manifest
 * means. A `{{` inside a scalar is data, not a template: GitHub Actions' `${{ … }}`, Prometheus'
 * `"{{ $labels.instance }}"`, Argo's quoted parameters, a template in a ConfigMap's block scalar.
 * Only texts holding `{{` are lexed (linear, no document is built).
 */
export function isGoTemplate(text: string): boolean {
  if (!text.includes('{{')) return false;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (token === '{' && previous === '{') return true;
    previous = token;
  }
  return false;
}
