import type { TextEdit } from './types';

/** Applies non-overlapping edits to `text`. Throws on overlap: a fix that overlaps itself is a bug. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Picks, from several fixes' edits, a set that does not overlap, keeping earlier fixes first.
 * Used by fix-all: what is left out is fixed on the next pass.
 */
export function mergeNonOverlapping(fixes: readonly (readonly TextEdit[])[]): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const edits of fixes) {
    const clashes = edits.some((edit) =>
      accepted.some((taken) => overlaps(edit, taken)),
    );
    if (!clashes) accepted.push(...edits);
  }
  return accepted;
}

/**
 * Two edits clash when they touch the same characters, insert at the same point, or one inserts
 * at an end of what the other replaces: the insert was made for the text it sits next to, and
 * that text is being rewritten (a block mapping's only pair becoming `{}` while another fix
 * appends a pair after it gives invalid YAML).
 */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}
