/**
 * The invariants the fuzz properties assert, as small throwing checks: ranges and edits that make
 * sense in the text, and a measure of how well a text parses that a fix must not make worse.
 */
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import { ShellParseCache } from '../../server/src/core/dockerfile/shell';
import { classifyFileName, LineIndex, type OffsetRange, type TextEdit } from '../../server/src/core/index';
import { parseYamlFile } from '../../server/src/core/yaml/yaml-document';

export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
}

export function ensure(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new PropertyViolation(message());
}

/** True when `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/**
 * A range is inside the text, start <= end, both ends are line/column positions an editor can
 * show (converting to a position and back gives the same offset), and no end cuts a CRLF or a
 * surrogate pair in two.
 */
export function checkRange(text: string, lines: LineIndex, range: OffsetRange, what: string): void {
  const { start, end } = range;
  ensure(Number.isInteger(start) && Number.isInteger(end), () => `${what}: offsets ${start}, ${end} are not integers`);
  ensure(start >= 0 && start <= end && end <= text.length, () => `${what}: range [${start}, ${end}) is not inside the text (length ${text.length})`);
  for (const offset of [start, end]) {
    ensure(!splitsPair(text, offset), () => `${what}: offset ${offset} splits ${JSON.stringify(text.slice(offset - 1, offset + 1))}`);
    const position = lines.positionAt(offset);
    ensure(position.line < lines.lineCount && lines.offsetAt(position) === offset, () => `${what}: offset ${offset} has no line/column (${position.line}:${position.character})`);
  }
}

/** The edits of one fix: each inside the text, not cutting a pair, and not overlapping another. */
export function checkEdits(text: string, lines: LineIndex, edits: readonly TextEdit[], what: string): void {
  for (const edit of edits) {
    checkRange(text, lines, edit, `${what}, edit ${JSON.stringify(edit)}`);
    ensure(typeof edit.newText === 'string', () => `${what}: edit without newText`);
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((edit, index) => {
    const previous = sorted[index - 1];
    ensure(!previous || previous.end <= edit.start, () => `${what}: edits ${JSON.stringify(previous)} and ${JSON.stringify(edit)} overlap`);
  });
}

/**
 * `fixed` is `text` with `edits` applied and nothing else: what lies before the first edit and
 * after the last is unchanged, and so is every stretch between two edits.
 */
export function checkOnlyEditedRangesChanged(text: string, fixed: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let fixedAt = 0;
  let textAt = 0;
  for (const edit of sorted) {
    const kept = text.slice(textAt, edit.start);
    ensure(fixed.startsWith(kept, fixedAt), () => `${what}: text before offset ${edit.start} changed`);
    fixedAt += kept.length;
    ensure(fixed.startsWith(edit.newText, fixedAt), () => `${what}: the edit at ${edit.start} did not write its text`);
    fixedAt += edit.newText.length;
    textAt = edit.end;
  }
  ensure(fixed.slice(fixedAt) === text.slice(textAt), () => `${what}: text after offset ${textAt} changed`);
}

/** How well a text parses as what its name says: problems a fix must not add. */
export interface ParseHealth {
  /** YAML syntax errors, or RUN scripts whose shell does not parse. */
  readonly errors: number;
  /** YAML documents, or Dockerfile build stages: a fix keeps every one. */
  readonly units: number;
}

/**
 * Measures texts as `fileName` says to read them. RUN scripts are parsed once per meter: the
 * texts measured are one file and its fixes, which leave most scripts as they were.
 */
export function healthMeter(fileName: string): (text: string) => ParseHealth | undefined {
  const kind = classifyFileName(fileName);
  const shells = new ShellParseCache();
  return (text) => {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (kind === 'dockerfile') {
      const model = parseDockerfile(body, shells);
      return { errors: model.instructions.filter((instruction) => instruction.shell?.error !== undefined).length, units: model.stages.length };
    }
    if (kind === 'yaml') {
      const { documents } = parseYamlFile(body);
      return { errors: documents.reduce((sum, document) => sum + document.errors.length, 0), units: documents.length };
    }
    return undefined;
  };
}

/** Input that parsed cleanly (`before`) still does after the change, and keeps its documents or stages when `sameUnits`. */
export function checkParsesAsWell(before: ParseHealth | undefined, after: ParseHealth | undefined, what: string, sameUnits: boolean): void {
  if (!before || before.errors > 0 || !after) return;
  ensure(after.errors === 0, () => `${what}: the input parsed without errors, the output has ${after.errors}`);
  if (sameUnits) ensure(after.units === before.units, () => `${what}: ${before.units} documents/stages became ${after.units}`);
}
