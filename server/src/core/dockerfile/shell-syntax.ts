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
// Must come before mvdan-sh: it reads the stack trace limit before GopherJS changes it.
import { HOST_STACK_TRACE_LIMIT, stackTraceLimit } from './host-stack-trace-limit';
import sh from 'mvdan-sh';

/**
 * GopherJS sets `Error.stackTraceLimit = Infinity` when its code loads, for the whole process: every
 * Error anywhere then captures the whole stack, and the `yaml` parser, which creates one per syntax
 * error deep in its recursion, took seconds (quadratic) on a long line of nested `key: value`s.
 * The host's limit is put back; the shell parser gets Infinity while it runs, since GopherJS's
 * panic and recover count stack frames.
 */
const GOPHERJS_STACK_TRACE_LIMIT = stackTraceLimit.stackTraceLimit;
stackTraceLimit.stackTraceLimit = HOST_STACK_TRACE_LIMIT;

function inGo<T>(run: () => T): T {
  const host = stackTraceLimit.stackTraceLimit;
  stackTraceLimit.stackTraceLimit = GOPHERJS_STACK_TRACE_LIMIT;
  try {
    return run();
  } finally {
    stackTraceLimit.stackTraceLimit = host;
  }
}

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
 * Scripts nested deeper than this (some 500 commands joined by `&&` or `|`) are not read. Reading
 * a node's position recurses in the parser's code (`a | b | c …` nests as `((a | b) | c) …`), and
 * so does `walk`: a RUN of thousands of pipes overflowed the stack, or not, depending on how deep
 * the caller already was. Real scripts stay far below.
 */
export const MAX_SHELL_NESTING = 1000;

/**
 * Parses a bash script. The parser object is created once and reused (creating one costs about
 * a millisecond); it keeps no state between calls that outlives a call, and every tree is
 * read completely before the next parse.
 */
export function parseScript(text: string): SyntaxNode {
  let file: unknown;
  try {
    file = inGo(() => {
      sharedParser ??= sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
      return sharedParser.Parse(text, 'RUN');
    });
  } catch (error) {
    throw new ShellSyntaxError(error instanceof RangeError ? tooDeep() : describeGoError(error));
  }
  const root = (file as { __internal_object__: SyntaxNode }).__internal_object__;
  if (nestedDeeperThan(root, MAX_SHELL_NESTING)) throw new ShellSyntaxError(tooDeep());
  return root;
}

function tooDeep(): string {
  return `nested deeper than ${MAX_SHELL_NESTING} levels`;
}

/** Counted without recursion, so that depth itself cannot overflow the stack. */
function nestedDeeperThan(root: SyntaxNode, limit: number): boolean {
  const pending: [SyntaxNode, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > limit) return true;
    for (const child of childrenOf(node)) pending.push([child, depth + 1]);
  }
  return false;
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
  for (const child of childrenOf(node)) walk(child, visit);
}

/** A node's child nodes, in field order. */
function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === '$val') continue;
    const value = node[key];
    if (isNode(value)) children.push(value);
    else if (value && typeof value === 'object' && '$array' in value) children.push(...items(value));
  }
  return children;
}

function describeGoError(error: unknown): string {
  if (error && typeof error === 'object' && 'Error' in error && typeof (error as { Error: unknown }).Error === 'function') {
    return String((error as { Error(): string }).Error());
  }
  return error instanceof Error ? error.message : String(error);
}
