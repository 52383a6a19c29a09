/**
 * Edits on `RUN` command words and whole instructions that keep the Dockerfile valid in every
 * form: shell form (through `removeWord`), exec form (a JSON string and its comma), and the
 * deletion of an instruction's lines.
 */
import type { OffsetRange, TextEdit } from '../engine/types';
import type { DockerInstruction } from './model';
import type { ShellCommand, ShellWord } from './shell';
import { removeWord } from './word-edits';

/**
 * Deletes one word of a `RUN` command. In exec form (`["curl", "-k", "x"]`) the JSON string goes
 * with the comma after it (or before it, for the last one). Undefined when the word cannot be
 * located exactly in the file (a script inside an escaped string) or is the exec form's only word.
 */
export function removeRunWord(text: string, instruction: DockerInstruction, command: ShellCommand, word: ShellWord): TextEdit | undefined {
  if (text.slice(word.range.start, word.range.end) !== word.raw) return undefined;
  if (instruction.execForm && command.depth === 0) {
    const args = instruction.args;
    const index = args.findIndex((arg) => arg.range.start === word.range.start);
    if (index < 0) return undefined;
    const next = args[index + 1];
    if (next) return { start: word.range.start, end: next.range.start, newText: '' };
    const previous = args[index - 1];
    return previous ? { start: previous.range.end, end: word.range.end, newText: '' } : undefined;
  }
  return removeWord(text, word.range);
}

/**
 * Replaces the content of a word, keeping its quotes (`"-sSLk"` → `"-sSL"`). Undefined when the
 * word is not written as its value, bare or in plain quotes.
 */
export function replaceWordValue(text: string, word: ShellWord, newValue: string): TextEdit | undefined {
  if (text.slice(word.range.start, word.range.end) !== word.raw || word.value === undefined) return undefined;
  if (word.raw === word.value) return { start: word.range.start, end: word.range.end, newText: newValue };
  const quoted = /^(["'])(.*)\1$/s.exec(word.raw);
  if (quoted && quoted[2] === word.value) return { start: word.range.start + 1, end: word.range.end - 1, newText: newValue };
  return undefined;
}

/**
 * Where the line holding `offset` starts. A lone CR ends a line as LF and CRLF do, for editors and
 * the Dockerfile parser alike: looking for LF alone took a whole old-Mac (CR) file for one line.
 */
export function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** Where the line after the one holding `offset` starts (past its CRLF, CR or LF), or undefined on the last line. */
export function nextLineStartOf(text: string, offset: number): number | undefined {
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = offset;
  const found = lineBreak.exec(text);
  return found ? found.index + found[0].length : undefined;
}

/** Deletes the lines an instruction spans, with their line break (for `ONBUILD X`, the whole line). */
export function removeInstructionLines(text: string, range: OffsetRange): TextEdit {
  const start = lineStartOf(text, range.start);
  const end = nextLineStartOf(text, range.end);
  if (end !== undefined) return keepingDirectives(text, { start, end, newText: '' });
  // The last line without a line break: take the break before it instead.
  const before = text.endsWith('\r\n', start) ? start - 2 : Math.max(0, start - 1);
  return { start: before, end: text.length, newText: '' };
}

/** `# escape=\``, `# syntax=…`: a comment of this form is a parser directive when nothing but directives precede it. */
const DIRECTIVE_LINE = /^[ \t]*#[ \t]*[A-Za-z]+[ \t]*=/;

/**
 * Deleting whole lines (`edit`) must not bring up what reads differently higher in the file: a
 * directive-like comment under nothing but parser directives would become one (`EXPOSE 22`
 * deleted above `# escape=` and a backtick, and every later line read differently, a FROM
 * swallowed by a continuation), and a stray U+FEFF brought to the very start would become the
 * byte-order mark (`\uFEFFFROM`, an unknown instruction, turned into a FROM). The deleted lines'
 * last line break stays instead: an empty line ends the directives and keeps the U+FEFF where it was.
 */
export function keepingDirectives(text: string, edit: TextEdit): TextEdit {
  if (edit.newText !== '' || edit.end >= text.length) return edit;
  if (!(edit.start === 0 && text.charCodeAt(edit.end) === 0xfeff) && !becomesDirective(text, edit)) return edit;
  const lineBreak = text.endsWith('\r\n', edit.end) ? '\r\n' : text[edit.end - 1]!;
  return { ...edit, newText: lineBreak };
}

function becomesDirective(text: string, edit: TextEdit): boolean {
  if (!DIRECTIVE_LINE.test(text.slice(edit.end, nextLineStartOf(text, edit.end)))) return false;
  for (let lineStart = 0; lineStart < edit.start; lineStart = nextLineStartOf(text, lineStart) ?? text.length) {
    if (!DIRECTIVE_LINE.test(text.slice(lineStart, nextLineStartOf(text, lineStart)))) return false;
  }
  return true;
}
