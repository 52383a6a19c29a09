/**
 * The YAML adapter shared by the Kubernetes and Compose models: the only importer of `yaml`.
 * Parses every document of a file once, keeps node ranges, and offers small typed accessors
 * so rules never touch the library's node classes directly.
 *
 * Aliases are resolved one level at a time (never expanded into copies), so an alias bomb costs
 * nothing here; `toJS` is never called.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
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
}

export interface YamlFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
}

export function parseYamlFile(text: string): YamlFile {
  const parsed = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: false,
    strict: false,
  });
  const list = Array.isArray(parsed) ? parsed : [];
  const documents = list.map((document, index): YamlDocument => {
    const [start, , end] = document.range;
    return {
      index,
      range: { start, end },
      contents: (document.contents as YamlNode | null) ?? null,
      errors: document.errors.map((error) => ({
        message: error.message.split('\n')[0] ?? error.message,
        range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) },
      })),
      source: document,
    };
  });
  return { text, lines: new LineIndex(text), documents };
}

export function rangeOf(node: YamlNode): OffsetRange {
  const [start, valueEnd] = node.range ?? [0, 0];
  return { start, end: valueEnd };
}

/** Follows an alias to the node it names (one level), or returns the node itself. */
export function resolveNode(node: unknown, document: YamlDocument | undefined): YamlNode | null {
  if (isAlias(node)) {
    if (!document) return null;
    const target = node.resolve(document.source);
    return isAlias(target) ? null : ((target as YamlNode | undefined) ?? null);
  }
  return (node as YamlNode | null) ?? null;
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

export { isMap, isPair, isScalar, isSeq };

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YamlMap | undefined, key: string): YamlPair | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as YamlPair;
  }
  return undefined;
}

/** The value node of `key` in `map` (aliases followed), or undefined. */
export function valueOf(map: YamlMap | undefined, key: string, document?: YamlDocument): YamlNode | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  return resolveNode(pair.value, document) ?? undefined;
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
  const value = scalarValue(map, key, document);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The items of a sequence value, aliases followed. */
export function seqItems(node: unknown, document?: YamlDocument): YamlNode[] {
  const seq = asSeq(resolveNode(node, document));
  if (!seq) return [];
  return seq.items.map((item) => resolveNode(item, document)).filter((item): item is YamlNode => item !== null);
}

/** Key range of `key` in `map`, falling back to the map's own range. */
export function keyRange(map: YamlMap, key: string): OffsetRange {
  const pair = pairOf(map, key);
  return pair && isScalar(pair.key) ? rangeOf(pair.key as YamlScalar) : rangeOf(map);
}

/** From the key of `key` to the end of its value: the whole `key: value` pair. */
export function pairRange(map: YamlMap, key: string): OffsetRange | undefined {
  const pair = pairOf(map, key);
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

/** The string items of a sequence value (aliases followed), each with its node. */
export function stringItems(node: unknown, document?: YamlDocument): { readonly value: string; readonly node: YamlScalar }[] {
  return seqItems(node, document).flatMap((item) => {
    const scalar = asScalar(item);
    return scalar && typeof scalar.value === 'string' ? [{ value: scalar.value, node: scalar }] : [];
  });
}
