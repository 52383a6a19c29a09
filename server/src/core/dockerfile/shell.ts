/**
 * Shell commands of `RUN` instructions, through a real shell parser (mvdan-sh: the GopherJS
 * build of mvdan.cc/sh, synchronous and pure JavaScript, so it also runs in a browser worker).
 * Pipes, `&&`/`||`/`;` lists, subshells, quoting, heredocs and `sh -c '…'` are the parser's
 * business; this module only flattens its tree into the simple commands rules ask about, with
 * every word's range mapped back to the Dockerfile's offsets.
 */
import sh from 'mvdan-sh';
import type { OffsetRange } from '../engine/types';

/** A script cut out of a Dockerfile, with a way back from script indices to file offsets. */
export interface ShellScript {
  readonly text: string;
  /** File offset of the UTF-16 index `index` of `text` (index may equal text.length). */
  toFileOffset(index: number): number;
}

export interface ShellWord {
  /** The word's value with quotes removed, or undefined when it depends on expansions (`$X`, `$(…)`). */
  readonly value: string | undefined;
  /** The word as written. */
  readonly raw: string;
  readonly range: OffsetRange;
}

/** How a command is joined to the command before it in its list. */
export type ShellOperator = '&&' | '||' | ';' | '|' | '|&';

export interface ShellCommand {
  /** The command word: `apt-get`, `sudo`, … (undefined for a bare assignment or a dynamic name). */
  readonly name: string | undefined;
  readonly nameWord: ShellWord | undefined;
  /** Arguments after the name. */
  readonly args: readonly ShellWord[];
  /** `VAR=value` prefixes. */
  readonly assignments: readonly { readonly name: string; readonly value: ShellWord | undefined; readonly range: OffsetRange }[];
  readonly range: OffsetRange;
  /** True when stdout or stdin is a pipe (`a | b`). */
  readonly inPipeline: boolean;
  /** Nesting depth: 0 for the RUN's own commands, 1 inside `sh -c '…'`, and so on. */
  readonly depth: number;
}

export interface ParsedShell {
  readonly commands: readonly ShellCommand[];
  /** Set when the script does not parse (half-typed, or not a POSIX/bash script). */
  readonly error?: string;
}

const SHELLS_WITH_DASH_C = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/dash', '/bin/ash', '/usr/bin/bash', '/usr/bin/env']);
const MAX_NESTING = 4;

export function parseShell(script: ShellScript, depth = 0): ParsedShell {
  const parser = sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
  let file: sh.File;
  try {
    file = parser.Parse(script.text, 'RUN');
  } catch (error) {
    return { commands: [], error: describeShellError(error) };
  }
  const toIndex = byteToIndexMapper(script.text);
  const rangeOf = (node: sh.Node): OffsetRange => ({
    start: script.toFileOffset(toIndex(node.Pos().Offset())),
    end: script.toFileOffset(toIndex(node.End().Offset())),
  });
  const wordOf = (word: sh.Word): ShellWord => {
    const start = toIndex(word.Pos().Offset());
    const end = toIndex(word.End().Offset());
    return { value: staticValue(word), raw: script.text.slice(start, end), range: rangeOf(word) };
  };

  const piped = new Set<sh.Node>();
  const commands: ShellCommand[] = [];
  const nested: ShellCommand[] = [];
  sh.syntax.Walk(file, (node) => {
    if (!node) return true;
    const type = sh.syntax.NodeType(node);
    if (type === 'BinaryCmd') {
      const binary = node as sh.BinaryCmd;
      const at = toIndex(binary.OpPos.Offset());
      if (script.text[at] === '|' && script.text[at + 1] !== '|') {
        piped.add(binary.X);
        piped.add(binary.Y);
      }
    } else if (type === 'Stmt') {
      // Walk visits a statement before its command: remember whether it sits in a pipe.
      const stmt = node as sh.Node & { Cmd: sh.Node | null };
      if (piped.has(stmt) && stmt.Cmd) piped.add(stmt.Cmd);
    } else if (type === 'CallExpr') {
      const call = node as sh.CallExpr;
      const words = call.Args.map(wordOf);
      const command: ShellCommand = {
        name: words[0]?.value,
        nameWord: words[0],
        args: words.slice(1),
        assignments: call.Assigns.map((assign) => ({
          name: assign.Name?.Value ?? '',
          value: assign.Value ? wordOf(assign.Value) : undefined,
          range: rangeOf(assign),
        })),
        range: rangeOf(call),
        inPipeline: piped.has(call),
        depth,
      };
      commands.push(command);
      nested.push(...nestedScript(command, call, script, toIndex, depth));
    }
    return true;
  });
  return { commands: [...commands, ...nested].sort((a, b) => a.range.start - b.range.start) };
}

/** `sh -c '…'` and friends: the quoted script is parsed too, with its own offsets. */
function nestedScript(
  command: ShellCommand,
  call: sh.CallExpr,
  script: ShellScript,
  toIndex: (byte: number) => number,
  depth: number,
): ShellCommand[] {
  if (depth >= MAX_NESTING || !command.name || !SHELLS_WITH_DASH_C.has(command.name)) return [];
  const dashC = command.args.findIndex((arg) => arg.value !== undefined && /^-[a-z]*c[a-z]*$/.test(arg.value));
  const scriptArg = call.Args[dashC + 2];
  if (dashC < 0 || !scriptArg || scriptArg.Parts.length !== 1) return [];
  const part = scriptArg.Parts[0]!;
  const kind = sh.syntax.NodeType(part);
  if (kind !== 'SglQuoted' && kind !== 'Lit' && !(kind === 'DblQuoted' && (part.Parts ?? []).every((p) => sh.syntax.NodeType(p) === 'Lit'))) {
    return [];
  }
  const value = staticValue(scriptArg);
  if (value === undefined) return [];
  const quote = kind === 'Lit' ? 0 : 1;
  const innerStart = toIndex(scriptArg.Pos().Offset()) + quote;
  // Inner offsets map 1:1 for single quotes and literal double-quoted text without escapes.
  const exact = script.text.slice(innerStart, innerStart + value.length) === value;
  const inner: ShellScript = {
    text: value,
    toFileOffset: (index) =>
      exact ? script.toFileOffset(innerStart + index) : script.toFileOffset(innerStart - quote),
  };
  return [...parseShell(inner, depth + 1).commands];
}

/** The value of a word made only of literal and quoted-literal parts. */
function staticValue(word: sh.Word): string | undefined {
  let value = '';
  for (const part of word.Parts) {
    const type = sh.syntax.NodeType(part);
    if (type === 'Lit') value += unescapeLiteral(part.Value ?? '');
    else if (type === 'SglQuoted') value += part.Value ?? '';
    else if (type === 'DblQuoted') {
      for (const inner of part.Parts ?? []) {
        if (sh.syntax.NodeType(inner) !== 'Lit') return undefined;
        value += inner.Value ?? '';
      }
    } else return undefined;
  }
  return value;
}

function unescapeLiteral(literal: string): string {
  return literal.includes('\\') ? literal.replace(/\\(.)/g, '$1') : literal;
}

/** mvdan-sh reports UTF-8 byte offsets; JavaScript indexes UTF-16 code units. */
function byteToIndexMapper(text: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return (byte) => byte;
  const indexOfByte: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) indexOfByte.push(index);
    if (code >= 0x10000) index++;
  }
  indexOfByte.push(text.length);
  return (byte) => indexOfByte[Math.min(byte, indexOfByte.length - 1)]!;
}

function describeShellError(error: unknown): string {
  if (error && typeof error === 'object' && 'Error' in error && typeof (error as { Error: unknown }).Error === 'function') {
    return String((error as { Error(): string }).Error());
  }
  return error instanceof Error ? error.message : String(error);
}

/** Wrappers that run the command after them: `sudo apt-get …` is still an apt-get call. */
const WRAPPERS: Readonly<Record<string, { readonly flagsWithValue: readonly string[] }>> = {
  sudo: { flagsWithValue: ['-u', '-g', '-h', '-p', '-C', '-D', '-R', '-T', '-U', '--user', '--group'] },
  env: { flagsWithValue: ['-u', '-C', '--unset', '--chdir'] },
  nice: { flagsWithValue: ['-n', '--adjustment'] },
  nohup: { flagsWithValue: [] },
  time: { flagsWithValue: ['-f', '-o'] },
  exec: { flagsWithValue: ['-a'] },
  command: { flagsWithValue: [] },
};

/**
 * The command a wrapper runs: for `sudo -u app env X=1 apt-get install x` that is
 * `apt-get install x`. Returns the command itself when it is not a wrapper.
 */
export function unwrapCommand(command: ShellCommand): ShellCommand {
  let current = command;
  for (let guard = 0; guard < 8; guard++) {
    const wrapper = current.name ? WRAPPERS[current.name] : undefined;
    if (!wrapper) return current;
    let index = 0;
    while (index < current.args.length) {
      const value = current.args[index]!.value ?? '';
      if (value === '--') { index++; break; }
      if (current.name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) { index++; continue; }
      if (!value.startsWith('-')) break;
      index += wrapper.flagsWithValue.includes(value) ? 2 : 1;
    }
    const rest = current.args.slice(index);
    if (rest.length === 0) return current;
    current = {
      ...current,
      name: rest[0]!.value,
      nameWord: rest[0],
      args: rest.slice(1),
      assignments: [],
      range: { start: rest[0]!.range.start, end: current.range.end },
    };
  }
  return current;
}
