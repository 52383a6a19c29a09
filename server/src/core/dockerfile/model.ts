/**
 * The Dockerfile model rules read: instructions with offset ranges, build stages with their
 * resolved base images, and `RUN` commands parsed by a real shell parser. Built once per text;
 * this module and `shell.ts` are the only importers of the Dockerfile and shell parsers.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { LineIndex } from '../engine/line-index';
import type { OffsetRange } from '../engine/types';
import { parseImageReference, type ImageReference } from '../images/image-reference';
import { dashCScript, ShellParseCache, type ParsedShell, type ShellCommand, type ShellScript, type ShellWord } from './shell';

export interface DockerWord {
  readonly value: string;
  readonly range: OffsetRange;
}

export interface DockerFlag {
  readonly name: string;
  readonly value: string | undefined;
  readonly range: OffsetRange;
  readonly nameRange: OffsetRange;
  readonly valueRange: OffsetRange | undefined;
}

/** A `NAME=value` (or `NAME value`) pair of `ENV`, `ARG` or `LABEL`. */
export interface DockerProperty {
  readonly name: string;
  readonly value: string | undefined;
  readonly range: OffsetRange;
  readonly nameRange: OffsetRange;
  readonly valueRange: OffsetRange | undefined;
}

export interface DockerInstruction {
  /** Upper-cased keyword: `FROM`, `RUN`, … */
  readonly keyword: string;
  readonly range: OffsetRange;
  readonly keywordRange: OffsetRange;
  /** Arguments after the flags, as the Dockerfile parser splits them (exec form: the JSON strings). */
  readonly args: readonly DockerWord[];
  readonly flags: readonly DockerFlag[];
  /** `ENV`/`ARG`/`LABEL` pairs; empty for other instructions. */
  readonly properties: readonly DockerProperty[];
  /** True for exec form (`["cmd", "arg"]`) of RUN/CMD/ENTRYPOINT/SHELL. */
  readonly execForm: boolean;
  /** The stage this instruction belongs to; undefined before the first `FROM`. */
  readonly stage: Stage | undefined;
  /** True for the instruction inside an `ONBUILD` (its range is the inner instruction's). */
  readonly onbuild: boolean;
  /** For `RUN`: its shell commands, parsed on first use and then kept. */
  readonly shell: ParsedShell | undefined;
}

export interface Stage {
  /** 0-based position among the file's `FROM`s. */
  readonly index: number;
  /** The `AS name`, lower-cased as BuildKit compares them. */
  readonly name: string | undefined;
  readonly nameRange: OffsetRange | undefined;
  readonly from: DockerInstruction;
  readonly image: ImageReference;
  /** The earlier stage this one is built `FROM`, if any. */
  readonly baseStage: Stage | undefined;
  /** Instructions after the `FROM`, up to the next `FROM`. */
  readonly instructions: readonly DockerInstruction[];
}

export interface DockerfileModel {
  readonly text: string;
  readonly lines: LineIndex;
  readonly escapeCharacter: string;
  readonly instructions: readonly DockerInstruction[];
  readonly stages: readonly Stage[];
  /** `ARG`s declared before the first `FROM`, with their defaults: they can be used in `FROM`. */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
}

export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/**
 * `shells` parses the RUN scripts; pass one built on the previous analysis's cache to reuse the
 * scripts that did not change.
 */
export function parseDockerfile(text: string, shells: ShellParseCache = new ShellParseCache()): DockerfileModel {
  const lines = new LineIndex(text);
  const ast = DockerfileParser.parse(text);
  const escapeCharacter = ast.getEscapeCharacter();
  const toRange = (range: { start: Position; end: Position } | null | undefined): OffsetRange | undefined =>
    range ? wholeCharacters(text, { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) }) : undefined;

  const globalArgs = new Map<string, string | undefined>();
  const stages: MutableStage[] = [];
  const instructions: DockerInstruction[] = [];
  let currentStage: MutableStage | undefined;

  const build = (instruction: Instruction, onbuild: boolean, stage: Stage | undefined): DockerInstruction => {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = toRange(instruction.getRange())!;
    // dockerfile-ast recomputes arguments and heredocs on every call: each is asked for once.
    const heredocs = heredocsOf(instruction);
    const words = plainWords(instruction, toRange, heredocBodyStart(heredocs, lines, toRange));
    const execForm = isExecForm(instruction, words);
    const args = execForm && isJsonInstruction(instruction) ? jsonWords(instruction, text, toRange) : words;
    let shell: ParsedShell | undefined;
    let shellParsed = false;
    return {
      keyword,
      range,
      keywordRange: toRange(instruction.getInstructionRange())!,
      args,
      flags: flagsOf(instruction, toRange),
      properties: keyword === 'ARG' ? argProperties(instruction, text, escapeCharacter, toRange) : propertiesOf(instruction, toRange),
      execForm,
      stage,
      onbuild,
      get shell() {
        if (keyword !== 'RUN') return undefined;
        if (!shellParsed) {
          shellParsed = true;
          shell = execForm ? execFormShell(args, text, shells) : shellOfRun(instruction, heredocs, text, lines, escapeCharacter, toRange, shells);
        }
        return shell;
      },
    };
  };

  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = build(instruction, false, undefined);
      const stage = newStage(stages, from, instruction, globalArgs, toRange);
      stages.push(stage);
      currentStage = stage;
      // The FROM belongs to its own stage.
      const owned: DockerInstruction = { ...from, stage, shell: undefined };
      stage.from = owned;
      instructions.push(owned);
      continue;
    }
    const built = build(instruction, false, currentStage);
    instructions.push(built);
    currentStage?.instructions.push(built);
    if (!currentStage && keyword === 'ARG') {
      // A default may use the ARGs above it (`ARG BASE=alpine:${VERSION}`), as BuildKit expands
      // it; one that uses an ARG without a default has no known value.
      for (const property of built.properties) {
        const expanded = property.value === undefined ? undefined : substituteArgs(property.value, globalArgs);
        globalArgs.set(property.name, expanded?.complete ? expanded.value : undefined);
      }
    }
    if (keyword === 'ONBUILD' && hasTrigger(instruction)) {
      const trigger = instruction.getTriggerInstruction();
      if (trigger) {
        const inner = build(trigger, true, currentStage);
        instructions.push(inner);
        currentStage?.instructions.push(inner);
      }
    }
  }

  return { text, lines, escapeCharacter, instructions, stages, globalArgs };
}

type Position = { line: number; character: number };
type ToRange = (range: { start: Position; end: Position } | null | undefined) => OffsetRange | undefined;

interface MutableStage extends Stage {
  from: DockerInstruction;
  instructions: DockerInstruction[];
}

function newStage(
  earlier: readonly Stage[],
  from: DockerInstruction,
  instruction: Instruction,
  globalArgs: ReadonlyMap<string, string | undefined>,
  toRange: ToRange,
): MutableStage {
  const fromInstruction = instruction as Instruction & {
    getBuildStage(): string | null;
    getBuildStageRange(): { start: Position; end: Position } | null;
    getImageRange(): { start: Position; end: Position } | null;
  };
  const imageWord = from.args[0];
  const imageRange = toRange(fromInstruction.getImageRange()) ?? imageWord?.range ?? from.keywordRange;
  const written = imageWord?.value ?? '';
  const resolved = substituteArgs(written, globalArgs);
  const baseStage = earlier.find((stage) => stage.name !== undefined && stage.name === resolved.value.toLowerCase());
  const image = parseImageReference(written, resolved.value, imageRange, !resolved.complete, baseStage !== undefined);
  const name = fromInstruction.getBuildStage();
  return {
    index: earlier.length,
    name: name ? name.toLowerCase() : undefined,
    nameRange: toRange(fromInstruction.getBuildStageRange()),
    from,
    image,
    baseStage,
    instructions: [],
  };
}

/** Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}` from `ARG` defaults. */
export function substituteArgs(
  value: string,
  args: ReadonlyMap<string, string | undefined>,
): { value: string; complete: boolean } {
  let complete = true;
  const substituted = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_whole, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const current = args.get(name);
      const isSet = current !== undefined && current !== '';
      if (operator === '-') return isSet ? current : (word ?? '');
      if (operator === '+') return isSet ? (word ?? '') : '';
      if (!isSet) complete = false;
      return current ?? '';
    },
  );
  return { value: substituted, complete };
}

/**
 * Exec form: the arguments are a JSON array. An instruction whose arguments start with `[`
 * is one (the raw text is read only then: reading it re-tokenises the instruction).
 */
function isExecForm(instruction: Instruction, words: readonly DockerWord[]): boolean {
  if (!isJsonInstruction(instruction)) return false;
  if (instruction.getJSONStrings().length === 0 && !words[0]?.value.startsWith('[')) return false;
  return /^\s*\[/.test(instruction.getRawArgumentsContent() ?? '');
}

function isJsonInstruction(instruction: Instruction): instruction is Instruction & { getJSONStrings(): JsonString[] } {
  return typeof (instruction as { getJSONStrings?: unknown }).getJSONStrings === 'function';
}

interface JsonString {
  getRange(): { start: Position; end: Position };
}

function hasTrigger(instruction: Instruction): instruction is Instruction & { getTriggerInstruction(): Instruction | null } {
  return typeof (instruction as { getTriggerInstruction?: unknown }).getTriggerInstruction === 'function';
}

/** Arguments before `bodyStart`: the words of heredoc bodies are content, not arguments. */
function plainWords(instruction: Instruction, toRange: ToRange, bodyStart: number): DockerWord[] {
  return instruction
    .getArguments()
    .map((argument) => ({ value: argument.getValue(), range: toRange(argument.getRange())! }))
    .filter((word) => word.range.start < bodyStart);
}

/**
 * The range widened to whole characters. dockerfile-ast takes the character after a line
 * continuation's lone CR for the LF of a CRLF and skips it: with an emoji there, a word started
 * in the middle of it (a position no editor can show).
 */
function wholeCharacters(text: string, range: OffsetRange): OffsetRange {
  const splitsPair = (at: number) => isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
  return { start: splitsPair(range.start) ? range.start - 1 : range.start, end: splitsPair(range.end) ? range.end + 1 : range.end };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function heredocsOf(instruction: Instruction): HeredocNode[] {
  // Every instruction parses heredocs; only RUN and COPY make the method public.
  const withHeredocs = instruction as unknown as { getHeredocs?: () => HeredocNode[] };
  if (typeof withHeredocs.getHeredocs !== 'function') return [];
  try {
    return withHeredocs.getHeredocs.call(instruction);
  } catch {
    // dockerfile-ast 0.7 takes every CR for the first half of a CRLF: after a line continuation
    // ending in a lone CR (`RUN a \<CR># c<LF>`) it reads past its heredoc list and throws.
    return [];
  }
}

/** Where the first heredoc body starts (the line after its `<<EOF`), or +∞ without heredocs. */
function heredocBodyStart(heredocs: readonly HeredocNode[], lines: LineIndex, toRange: ToRange): number {
  const first = heredocs[0];
  if (!first) return Number.POSITIVE_INFINITY;
  const bodyLine = lines.positionAt(toRange(first.getStartRange())!.start).line + 1;
  return bodyLine < lines.lineCount ? lines.lineStart(bodyLine) : Number.POSITIVE_INFINITY;
}

/** Exec-form strings, decoded from their source text (the parser's decoded values drop spaces). */
function jsonWords(instruction: Instruction & { getJSONStrings(): JsonString[] }, text: string, toRange: ToRange): DockerWord[] {
  return instruction.getJSONStrings().map((json) => {
    const range = toRange(json.getRange())!;
    const source = text.slice(range.start, range.end);
    let value: string;
    try {
      value = JSON.parse(source) as string;
    } catch {
      value = source.replace(/^"|"$/g, '');
    }
    return { value, range };
  });
}

function flagsOf(instruction: Instruction, toRange: ToRange): DockerFlag[] {
  const withFlags = instruction as Instruction & { getFlags?: () => FlagNode[] };
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().map((flag) => ({
    name: flag.getName(),
    value: flag.getValue() ?? undefined,
    range: toRange(flag.getRange())!,
    nameRange: toRange(flag.getNameRange())!,
    valueRange: toRange(flag.getValueRange()),
  }));
}

interface FlagNode {
  getName(): string;
  getValue(): string | null;
  getRange(): { start: Position; end: Position };
  getNameRange(): { start: Position; end: Position };
  getValueRange(): { start: Position; end: Position } | null;
}

function propertiesOf(instruction: Instruction, toRange: ToRange): DockerProperty[] {
  const withProperties = instruction as Instruction & { getProperties?: () => PropertyNode[] };
  if (typeof withProperties.getProperties !== 'function') return [];
  return withProperties.getProperties().map((property) => ({
    name: property.getName(),
    value: property.getValue() ?? undefined,
    range: toRange(property.getRange())!,
    nameRange: toRange(property.getNameRange())!,
    valueRange: toRange(property.getValueRange()),
  }));
}

/**
 * `ARG` declares one or more `name[=default]`; unlike `ENV` it has no `name value` form. The
 * Dockerfile parser reads `ARG A B=1` the `ENV` way (A with value "B=1"), so the rest after a
 * bare first name is parsed again as an `ARG` of its own.
 */
function argProperties(instruction: Instruction, text: string, escapeCharacter: string, toRange: ToRange, depth = 0): DockerProperty[] {
  const properties = propertiesOf(instruction, toRange);
  const first = properties[0];
  if (!first?.valueRange || depth > 32 || text.slice(first.nameRange.end, first.valueRange.start).includes('=')) return properties;
  const bare: DockerProperty = { name: first.name, value: undefined, range: first.nameRange, nameRange: first.nameRange, valueRange: undefined };
  const restStart = first.valueRange.start;
  const prefix = `${escapeCharacter === '\\' ? '' : `# escape=${escapeCharacter}\n`}ARG `;
  const restText = prefix + text.slice(restStart, first.range.end);
  const rest = DockerfileParser.parse(restText).getInstructions()[0];
  if (!rest) return [bare];
  // Offsets in `restText` map back to the file by one shift.
  const restLines = new LineIndex(restText);
  const shift = restStart - prefix.length;
  const restRange: ToRange = (range) =>
    range ? { start: restLines.offsetAt(range.start) + shift, end: restLines.offsetAt(range.end) + shift } : undefined;
  return [bare, ...argProperties(rest, text, escapeCharacter, restRange, depth + 1)];
}

interface PropertyNode {
  getName(): string;
  getValue(): string | null;
  getRange(): { start: Position; end: Position };
  getNameRange(): { start: Position; end: Position };
  getValueRange(): { start: Position; end: Position } | null;
}

/**
 * Exec form runs no shell: its one command is the JSON array. When that command is itself a
 * shell given a script (`["sh", "-c", "…"]`), the script is parsed as well.
 */
function execFormShell(args: readonly DockerWord[], text: string, shells: ShellParseCache): ParsedShell {
  if (args.length === 0) return { commands: [] };
  const words: ShellWord[] = args.map((arg) => ({ value: arg.value, raw: text.slice(arg.range.start, arg.range.end), range: arg.range }));
  const command: ShellCommand = {
    name: words[0]!.value,
    nameWord: words[0],
    args: words.slice(1),
    assignments: [],
    range: { start: args[0]!.range.start, end: args[args.length - 1]!.range.end },
    inPipeline: false,
    depth: 0,
  };
  const script = dashCScript(command);
  if (!script?.value) return { commands: [command] };
  // A JSON string without escapes maps 1:1 to the text between its quotes; with escapes,
  // every inner range widens to the whole string.
  const exact = script.raw === `"${script.value}"`;
  const nested = shells.parse({
    text: script.value,
    toFileOffset: (index, isEnd) => (exact ? script.range.start + 1 + index : isEnd ? script.range.end : script.range.start),
  }, 1);
  return { commands: [command, ...nested.commands], ...(nested.error ? { error: nested.error } : {}) };
}

interface HeredocNode {
  getStartRange(): { start: Position; end: Position };
  getContentRange(): { start: Position; end: Position } | null;
  getNameRange(): { start: Position; end: Position };
}

/**
 * The shell script of a shell-form `RUN`: from the first argument to the end of the
 * instruction, with line continuations and the comment lines inside them removed (as the
 * Dockerfile frontend does). A `RUN <<EOF` whose only command is heredocs runs their bodies.
 */
function shellOfRun(
  instruction: Instruction,
  heredocs: readonly HeredocNode[],
  text: string,
  lines: LineIndex,
  escapeCharacter: string,
  toRange: ToRange,
  shells: ShellParseCache,
): ParsedShell {
  const argumentsRange = toRange(instruction.getArgumentsRange());
  if (!argumentsRange) return { commands: [] };
  if (heredocs.length > 0 && onlyHeredocs(text.slice(argumentsRange.start, indexOfLineEnd(text, argumentsRange.start)))) {
    // `RUN <<EOF` alone: BuildKit runs each body as a script (with its shebang's interpreter).
    const commands = heredocs.flatMap((heredoc) => {
      const content = toRange(heredoc.getContentRange());
      if (!content) return [];
      const body = text.slice(content.start, content.end);
      if (body.startsWith('#!') && !SHELL_SHEBANG.test(body)) return [];
      return [...shells.parse({ text: body, toFileOffset: (index) => content.start + index }).commands];
    });
    return { commands };
  }
  const verbatimFrom = heredocs.length > 0 ? lines.lineStart(lines.positionAt(argumentsRange.start).line + 1) : argumentsRange.end;
  return shells.parse(joinContinuations(text, argumentsRange, escapeCharacter, Math.min(verbatimFrom, argumentsRange.end)));
}

/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -e`: a body a shell runs. */
const SHELL_SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(?:sh|bash|dash|ash|zsh|ksh|mksh)(?:\s|$)/;

/** True when the first line of a RUN holds nothing but heredoc openers (`<<EOF`, `<<-"EOT"`). */
function onlyHeredocs(firstLine: string): boolean {
  return firstLine.replace(/<<-?\s*(?:"[^"]*"|'[^']*'|[^\s<>|&;]+)/g, '').trim() === '';
}

/** Removes `escape + newline` continuations (and comment or blank lines after them), keeping a map to file offsets. */
function joinContinuations(text: string, range: OffsetRange, escapeCharacter: string, verbatimFrom: number): ShellScript {
  let script = '';
  const segments: { scriptStart: number; fileStart: number }[] = [];
  let segmentStart = range.start;
  const flush = (end: number) => {
    if (end > segmentStart) {
      segments.push({ scriptStart: script.length, fileStart: segmentStart });
      script += text.slice(segmentStart, end);
    }
  };
  let index = range.start;
  while (index < Math.min(range.end, verbatimFrom)) {
    if (text[index] === escapeCharacter) {
      const afterEscape = skipHorizontalSpace(text, index + 1);
      const newlineLength = text.startsWith('\r\n', afterEscape) ? 2 : text[afterEscape] === '\n' ? 1 : 0;
      if (newlineLength > 0) {
        flush(index);
        let next = afterEscape + newlineLength;
        // Comment lines and blank lines inside a continued instruction are dropped.
        for (;;) {
          const lineEnd = indexOfLineEnd(text, next);
          const content = text.slice(next, lineEnd).trim();
          if ((content === '' || content.startsWith('#')) && lineEnd < range.end) next = skipNewline(text, lineEnd);
          else break;
        }
        segmentStart = next;
        index = next;
        continue;
      }
      index += 2; // an escaped character
      continue;
    }
    index++;
  }
  flush(range.end);
  return {
    text: script,
    toFileOffset(scriptIndex, isEnd) {
      let low = 0;
      for (let i = 0; i < segments.length; i++) if (segments[i]!.scriptStart <= scriptIndex) low = i;
      // An end that falls on a seam belongs to the piece before it.
      if (isEnd && low > 0 && segments[low]!.scriptStart === scriptIndex) low--;
      const segment = segments[low];
      return segment ? segment.fileStart + (scriptIndex - segment.scriptStart) : range.start;
    },
  };
}

function skipHorizontalSpace(text: string, index: number): number {
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}

function indexOfLineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function skipNewline(text: string, index: number): number {
  if (text.startsWith('\r\n', index)) return index + 2;
  return text[index] === '\n' ? index + 1 : index;
}
