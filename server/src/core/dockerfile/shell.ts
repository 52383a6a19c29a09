/**
 * Shell commands of `RUN` instructions, through a real shell parser (mvdan-sh: the GopherJS
 * build of mvdan.cc/sh, synchronous and pure JavaScript, so it also runs in a browser worker).
 * Pipes, `&&`/`||`/`;` lists, subshells, quoting, heredocs and `sh -c '…'` are the parser's
 * business; this module only flattens its tree into the simple commands rules ask about, with
 * every word's range mapped back to the Dockerfile's offsets.
 */
import { goString, isNode, items, nodeType, parseScript, ShellSyntaxError, walk, type SyntaxNode } from './shell-syntax';
import type { OffsetRange } from '../engine/types';

/** A script cut out of a Dockerfile, with a way back from script indices to file offsets. */
export interface ShellScript {
  readonly text: string;
  /**
   * File offset of the UTF-16 index `index` of `text` (index may equal text.length). Where the
   * script joins two pieces of the file (a removed line continuation), `isEnd` picks the end
   * of the earlier piece rather than the start of the later one, so a range never swallows
   * the continuation after its last character.
   */
  toFileOffset(index: number, isEnd?: boolean): number;
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
  /** True when stdout or stdin is a pipe (`a | b`), also inside a piped compound (`(a && b) | c`). */
  readonly inPipeline: boolean;
  /**
   * The pipeline the command is part of: the commands of one `a | b | c` share this id (the
   * outermost pipeline, for the commands of a piped compound). Undefined outside pipelines.
   */
  readonly pipeline?: string;
  /** Nesting depth: 0 for the RUN's own commands, 1 inside `sh -c '…'`, and so on. */
  readonly depth: number;
}

export interface ParsedShell {
  readonly commands: readonly ShellCommand[];
  /** Set when the script does not parse (half-typed, or not a POSIX/bash script). */
  readonly error?: string;
}

/** Shells that take a script with `-c` (compared by base name, so `/bin/sh` counts). */
const SHELLS_WITH_DASH_C = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const MAX_NESTING = 4;

export function parseShell(script: ShellScript, depth = 0): ParsedShell {
  let file: SyntaxNode;
  try {
    file = parseScript(script.text);
  } catch (error) {
    return { commands: [], error: error instanceof ShellSyntaxError ? error.message : String(error) };
  }
  const toIndex = byteToIndexMapper(script.text);
  const rangeOf = (node: SyntaxNode): OffsetRange => ({
    start: script.toFileOffset(toIndex(node.Pos().Offset())),
    end: script.toFileOffset(toIndex(node.End().Offset()), true),
  });
  // Nodes are told apart by their byte span, never by identity.
  const spanOf = (node: SyntaxNode): string => `${node.Pos().Offset()}:${node.End().Offset()}`;
  // Where each word starts in the script, for parsing the script of `sh -c '…'`.
  const wordStarts = new Map<ShellWord, number>();
  const wordOf = (word: SyntaxNode): ShellWord => {
    const start = toIndex(word.Pos().Offset());
    const end = toIndex(word.End().Offset());
    const shellWord: ShellWord = { value: staticValue(word), raw: script.text.slice(start, end), range: rangeOf(word) };
    wordStarts.set(shellWord, start);
    return shellWord;
  };

  // Statement and command spans in a pipe, with the id of the (outermost) pipeline they belong to.
  const piped = new Map<string, string>();
  // Compound commands in a pipe (`(a && b) | c`, `{ a; } | b`): every command inside writes to it.
  const pipedCompounds: { start: number; end: number; pipeline: string }[] = [];
  // Pipeline ids are unique per RUN, also across the scripts of nested `sh -c`.
  const pipelinePrefix = `${depth}@${script.toFileOffset(0)}:`;
  const pipelineOf = (node: SyntaxNode): string | undefined => {
    const own = piped.get(`cmd:${spanOf(node)}`);
    const start = node.Pos().Offset();
    const end = node.End().Offset();
    let outer: { start: number; end: number; pipeline: string } | undefined;
    for (const compound of pipedCompounds) {
      if (compound.start <= start && end <= compound.end && (!outer || compound.end - compound.start > outer.end - outer.start)) outer = compound;
    }
    return outer?.pipeline ?? own;
  };
  const commands: ShellCommand[] = [];
  const assignmentOf = (assign: SyntaxNode) => ({
    name: isNode(assign.Name) ? goString(assign.Name.Value) : '',
    value: isNode(assign.Value) ? wordOf(assign.Value) : undefined,
    range: rangeOf(assign),
  });
  walk(file, (node) => {
    const type = nodeType(node);
    if (type === 'BinaryCmd') {
      const binary = node as SyntaxNode & { OpPos: { Offset(): number }; X: SyntaxNode; Y: SyntaxNode };
      const at = toIndex(binary.OpPos.Offset());
      if (script.text[at] === '|' && script.text[at + 1] !== '|') {
        // `a | b | c` nests as `(a | b) | c`: the inner pipe joins the outer one's id.
        const pipeline = piped.get(`cmd:${spanOf(binary)}`) ?? pipelinePrefix + spanOf(binary);
        piped.set(spanOf(binary.X), pipeline);
        piped.set(spanOf(binary.Y), pipeline);
      }
    } else if (type === 'Stmt') {
      // Walk visits a statement before its command: remember whether it sits in a pipe.
      const cmd = node.Cmd;
      const pipeline = piped.get(spanOf(node));
      if (isNode(cmd) && pipeline !== undefined) {
        piped.set(`cmd:${spanOf(cmd)}`, pipeline);
        if (nodeType(cmd) !== 'CallExpr') pipedCompounds.push({ start: cmd.Pos().Offset(), end: cmd.End().Offset(), pipeline });
      }
    } else if (type === 'CallExpr') {
      const call = node;
      const words = items(call.Args).map(wordOf);
      const pipeline = pipelineOf(call);
      const command: ShellCommand = {
        name: words[0]?.value,
        nameWord: words[0],
        args: words.slice(1),
        assignments: items(call.Assigns).map(assignmentOf),
        range: rangeOf(call),
        inPipeline: pipeline !== undefined,
        ...(pipeline !== undefined ? { pipeline } : {}),
        depth,
      };
      commands.push(command);
    } else if (type === 'DeclClause') {
      // `export A=1 B`, `declare -x A=1`, `readonly`, `local`: the builtin as the name, its
      // `NAME=value` operands as assignments and its other operands (options, bare names) as arguments.
      const decl = node;
      const variant = decl.Variant as SyntaxNode;
      const nameStart = toIndex(variant.Pos().Offset());
      const nameEnd = toIndex(variant.End().Offset());
      const nameWord: ShellWord = { value: goString(variant.Value), raw: script.text.slice(nameStart, nameEnd), range: rangeOf(variant) };
      const args: ShellWord[] = [];
      const assignments: ReturnType<typeof assignmentOf>[] = [];
      for (const assign of items(decl.Args)) {
        if (!assign.Naked) assignments.push(assignmentOf(assign));
        else if (isNode(assign.Value)) args.push(wordOf(assign.Value));
        else if (isNode(assign.Name)) {
          const start = toIndex(assign.Pos().Offset());
          const end = toIndex(assign.End().Offset());
          args.push({ value: goString(assign.Name.Value), raw: script.text.slice(start, end), range: rangeOf(assign) });
        }
      }
      const pipeline = pipelineOf(decl);
      commands.push({
        name: nameWord.value,
        nameWord,
        args,
        assignments,
        range: rangeOf(decl),
        inPipeline: pipeline !== undefined,
        ...(pipeline !== undefined ? { pipeline } : {}),
        depth,
      });
    }
    return true;
  });
  // Scripts of `sh -c '…'` are parsed only now: the parser reuses its buffers, so the outer
  // tree must be read completely first.
  const nested = commands.flatMap((command) => nestedScript(command, script, wordStarts, depth));
  return { commands: [...commands, ...nested].sort((a, b) => a.range.start - b.range.start) };
}

/**
 * `sh -c '…'` and friends, also behind wrappers (`sudo sh -c '…'`): the script argument is
 * parsed too. Its words map to exact file offsets when the argument is written literally
 * (single quotes, or double quotes without escapes); otherwise their ranges are the whole argument.
 */
function nestedScript(command: ShellCommand, script: ShellScript, startOf: ReadonlyMap<ShellWord, number>, depth: number): ShellCommand[] {
  const argument = dashCScript(command);
  if (!argument || depth >= MAX_NESTING || argument.value === undefined) return [];
  const value = argument.value;
  const rawStart = startOf.get(argument);
  if (rawStart === undefined) return [];
  const quote = /^['"]/.test(argument.raw) ? 1 : 0;
  const exact = argument.raw.slice(quote, quote + value.length) === value && argument.raw.length === value.length + 2 * quote;
  const innerStart = rawStart + quote;
  return [...parseShell({
    text: value,
    toFileOffset: (index, isEnd) =>
      exact ? script.toFileOffset(innerStart + index, isEnd) : isEnd ? argument.range.end : argument.range.start,
  }, depth + 1).commands];
}

/**
 * The script word of `sh -c 'script'` (also `bash -ec`, `/bin/sh -c`, `sudo sh -c`, `env sh -c`),
 * or undefined when the command is not a shell given a script.
 */
export function dashCScript(command: ShellCommand): ShellWord | undefined {
  const shell = unwrapCommand(command);
  if (!shell.name || !SHELLS_WITH_DASH_C.has(baseName(shell.name))) return undefined;
  const dashC = shell.args.findIndex((arg) => arg.value !== undefined && /^-[a-z]*c[a-z]*$/.test(arg.value));
  return dashC < 0 ? undefined : shell.args[dashC + 1];
}

/** `/usr/bin/sudo` → `sudo`. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The value of a word made only of literal and quoted-literal parts. */
function staticValue(word: SyntaxNode): string | undefined {
  let value = '';
  for (const part of items(word.Parts)) {
    const type = nodeType(part);
    if (type === 'Lit') value += unescapeLiteral(goString(part.Value));
    else if (type === 'SglQuoted') value += goString(part.Value);
    else if (type === 'DblQuoted') {
      for (const inner of items(part.Parts)) {
        if (nodeType(inner) !== 'Lit') return undefined;
        // Inside double quotes a backslash escapes only $ ` " \ and newline.
        value += goString(inner.Value).replace(/\\(?:\n|([$`"\\]))/g, (_escape, kept: string | undefined) => kept ?? '');
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

/** Wrappers that run the command after them: `sudo apt-get …` is still an apt-get call. */
const WRAPPERS: Readonly<Record<string, { readonly flagsWithValue: readonly string[]; readonly takesAssignments: boolean }>> = {
  sudo: { flagsWithValue: ['-u', '-g', '-h', '-p', '-C', '-D', '-R', '-T', '-U', '-r', '-t', '--user', '--group', '--host', '--prompt', '--close-from', '--chdir', '--chroot', '--command-timeout', '--other-user', '--role', '--type'], takesAssignments: true },
  env: { flagsWithValue: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], takesAssignments: true },
  nice: { flagsWithValue: ['-n', '--adjustment'], takesAssignments: false },
  nohup: { flagsWithValue: [], takesAssignments: false },
  time: { flagsWithValue: ['-f', '-o', '--format', '--output'], takesAssignments: false },
  exec: { flagsWithValue: ['-a'], takesAssignments: false },
  command: { flagsWithValue: [], takesAssignments: false },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** True for `sudo`, `env`, `nohup`, … (also written as a path, `/usr/bin/sudo`). */
export function isWrapper(command: ShellCommand): boolean {
  return command.name !== undefined && Object.hasOwn(WRAPPERS, baseName(command.name));
}

/**
 * How many of a wrapper's arguments are its own options (with their values and a closing `--`):
 * for `sudo -E -u app apt-get` that is 3. Zero for commands that are not wrappers.
 */
export function wrapperOptionCount(command: ShellCommand): number {
  if (!isWrapper(command)) return 0;
  const wrapper = WRAPPERS[baseName(command.name!)]!;
  let index = 0;
  while (index < command.args.length) {
    const value = command.args[index]!.value ?? '';
    if (value === '--') return index + 1;
    if (!value.startsWith('-') || value === '-') break;
    // `-u app` takes the next word; `--user=app` and `-uapp` carry their value.
    index += wrapper.flagsWithValue.includes(value) ? 2 : 1;
  }
  return Math.min(index, command.args.length);
}

/** One level of unwrapping: `sudo -E FOO=1 apt-get x` → `apt-get x`; undefined when nothing runs. */
export function unwrapOnce(command: ShellCommand): ShellCommand | undefined {
  if (!isWrapper(command)) return undefined;
  const wrapper = WRAPPERS[baseName(command.name!)]!;
  let index = wrapperOptionCount(command);
  while (wrapper.takesAssignments && index < command.args.length && ASSIGNMENT.test(command.args[index]!.value ?? '')) index++;
  const rest = command.args.slice(index);
  if (rest.length === 0) return undefined;
  return {
    ...command,
    name: rest[0]!.value,
    nameWord: rest[0],
    args: rest.slice(1),
    assignments: [],
    range: { start: rest[0]!.range.start, end: command.range.end },
  };
}

/**
 * The command a wrapper runs: for `sudo -u app env X=1 apt-get install x` that is
 * `apt-get install x`. Returns the command itself when it is not a wrapper (or wraps nothing).
 */
export function unwrapCommand(command: ShellCommand): ShellCommand {
  let current = command;
  for (let guard = 0; guard < 8; guard++) {
    const inner = unwrapOnce(current);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/**
 * Parses each distinct script once: results are kept relative to their script and moved to
 * wherever the script now sits in the file. An edit to a Dockerfile re-parses only the RUN
 * instructions whose text changed (the shell parser is the costliest part of an analysis).
 */
export class ShellParseCache {
  private readonly used = new Map<string, ParsedShell>();

  /** `previous`: the cache of the document's last analysis (only its entries are kept, not it). */
  constructor(private readonly previous?: ReadonlyMap<string, ParsedShell>) {}

  parse(script: ShellScript, depth = 0): ParsedShell {
    const key = `${depth}\u0000${script.text}`;
    let relative = this.used.get(key) ?? this.previous?.get(key);
    relative ??= parseShell({ text: script.text, toFileOffset: (index) => index }, depth);
    this.used.set(key, relative);
    return relocate(relative, script);
  }

  /** The scripts this analysis parsed or reused: what the next analysis may reuse. */
  get entries(): ReadonlyMap<string, ParsedShell> {
    return this.used;
  }
}

function relocate(parsed: ParsedShell, script: ShellScript): ParsedShell {
  const move = (range: OffsetRange): OffsetRange => ({ start: script.toFileOffset(range.start), end: script.toFileOffset(range.end, true) });
  const moveWord = (word: ShellWord): ShellWord => ({ ...word, range: move(word.range) });
  return {
    ...parsed,
    commands: parsed.commands.map((command) => ({
      ...command,
      nameWord: command.nameWord && moveWord(command.nameWord),
      args: command.args.map(moveWord),
      assignments: command.assignments.map((assignment) => ({ ...assignment, range: move(assignment.range), value: assignment.value && moveWord(assignment.value) })),
      range: move(command.range),
    })),
  };
}
