/**
 * The only importer of `mvdan-sh`, the GopherJS build of the mvdan.cc/sh parser.
 *
 * Its public wrapper objects (`js.MakeWrapper`) cost about 0.1 ms per property read — a RUN
 * line took 10–20 ms to walk — so this module reads the parser's own Go values behind them
 * (`__internal_object__`), where a field read is a plain property read. That representation is
 * GopherJS's, fixed for the pinned mvdan-sh 0.10.1 (the package is not updated any more):
 *  - a pointer to a struct is the struct object; a nil pointer is its type's `nil` object;
 *  - a slice is `{ $array, $offset, $length }`;
 *  - a Go string is a JavaScript string of UTF-8 bytes (one char per byte);
 *  - methods (`Pos()`, `End()`, `Offset()`) live on the objects as usual.
 * test/core/shell-syntax.test.ts checks these facts against the public API, so a change of
 * package version that broke them fails there first.
 */
import sh from 'mvdan-sh';

/** A syntax node of the Go AST: `*syntax.CallExpr`, `*syntax.Word`, … */
export interface SyntaxNode {
  readonly constructor: { readonly string: string; readonly nil?: unknown };
  Pos(): GoPos;
  End(): GoPos;
  readonly [field: string]: unknown;
}

export interface GoPos {
  Offset(): number;
}

interface GoSlice {
  readonly $array: readonly unknown[];
  readonly $offset: number;
  readonly $length: number;
}

export class ShellSyntaxError extends Error {}

type Parser = ReturnType<typeof sh.syntax.NewParser>;
let sharedParser: Parser | undefined;

/**
 * Parses a bash script. The parser object is created once and reused (creating one costs about
 * a millisecond); it keeps no state between calls that outlives a call, and every tree is
 * read completely before the next parse.
 */
export function parseScript(text: string): SyntaxNode {
  sharedParser ??= sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
  let file: unknown;
  try {
    file = sharedParser.Parse(text, 'RUN');
  } catch (error) {
    throw new ShellSyntaxError(describeGoError(error));
  }
  return (file as { __internal_object__: SyntaxNode }).__internal_object__;
}

/** `CallExpr` for a `*syntax.CallExpr`. */
export function nodeType(node: SyntaxNode): string {
  return node.constructor.string.slice('*syntax.'.length);
}

export function isNode(value: unknown): value is SyntaxNode {
  if (value === null || typeof value !== 'object') return false;
  const type = (value.constructor as { string?: unknown; nil?: unknown } | undefined);
  return typeof type?.string === 'string' && type.string.startsWith('*syntax.') && type.nil !== value;
}

/** The items of a Go slice field. */
export function items(slice: unknown): SyntaxNode[] {
  if (!slice || typeof slice !== 'object' || !('$array' in slice)) return [];
  const { $array, $offset, $length } = slice as GoSlice;
  const result: SyntaxNode[] = [];
  for (let index = $offset; index < $offset + $length; index++) {
    const item = $array[index];
    if (isNode(item)) result.push(item);
  }
  return result;
}

/** A Go string (UTF-8 bytes as characters) as a JavaScript string. */
export function goString(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(value)) return value;
  const bytes = new Uint8Array(value.length);
  for (let index = 0; index < value.length; index++) bytes[index] = value.charCodeAt(index) & 0xff;
  return new TextDecoder().decode(bytes);
}

/**
 * Visits `node` and every syntax node below it, parents before children and children in
 * field order (as the parser's own `Walk` does). `visit` returns false to skip a subtree.
 */
export function walk(node: SyntaxNode, visit: (node: SyntaxNode) => boolean): void {
  if (!visit(node)) return;
  for (const key of Object.keys(node)) {
    if (key === '$val') continue;
    const value = node[key];
    if (isNode(value)) walk(value, visit);
    else if (value && typeof value === 'object' && '$array' in value) for (const item of items(value)) walk(item, visit);
  }
}

function describeGoError(error: unknown): string {
  if (error && typeof error === 'object' && 'Error' in error && typeof (error as { Error: unknown }).Error === 'function') {
    return String((error as { Error(): string }).Error());
  }
  return error instanceof Error ? error.message : String(error);
}
