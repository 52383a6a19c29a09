/** The LSP edge of the engine's offsets: 0-based line/UTF-16 character positions. */
import type { Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { LineIndex, OffsetRange, TextEdit } from '../core/index';

export function toPosition(lines: LineIndex, offset: number): Position {
  const { line, character } = lines.positionAt(offset);
  return { line, character };
}

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: toPosition(lines, range.start), end: toPosition(lines, range.end) };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit), newText: edit.newText };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

/** Whether two offset ranges share a point (touching counts, so a cursor at a range's end is in it). */
export function touches(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}
