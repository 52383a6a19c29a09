/**
 * Small edits on the words of a Dockerfile instruction or `RUN` command, shared by the rules'
 * fixes: remove a word (or a flag with its value), insert a word after another, replace a word.
 * Whitespace is taken from one side only, so line continuations and indentation survive.
 */
import type { OffsetRange, TextEdit } from '../engine/types';

/** Deletes `[range]` and the blanks after it (or, at the end of a line, the blanks before it). */
export function removeWord(text: string, range: OffsetRange): TextEdit {
  let end = range.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  const atLineEnd = end >= text.length || text[end] === '\n' || text[end] === '\r' || text[end] === '\\';
  if (!atLineEnd) return { start: range.start, end, newText: '' };
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  // Keep one blank before a line continuation.
  if (text[end] === '\\' && start < range.start) return { start: start + 1, end, newText: '' };
  return { start, end: range.end, newText: '' };
}

/** Deletes several words of one command, e.g. a flag and its separate value, as one edit. */
export function removeWords(text: string, first: OffsetRange, last: OffsetRange): TextEdit {
  return removeWord(text, { start: first.start, end: last.end });
}

/** Inserts ` <word>` right after `after`. */
export function insertWordAfter(after: OffsetRange, word: string): TextEdit {
  return { start: after.end, end: after.end, newText: ` ${word}` };
}

export function replaceWord(range: OffsetRange, newText: string): TextEdit {
  return { start: range.start, end: range.end, newText };
}
