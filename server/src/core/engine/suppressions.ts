import type { LineIndex } from './line-index';
import type { OffsetRange } from './types';

/**
 * Inline suppressions, shared by every file kind (all of them use `#` comments):
 *
 *   # bulkhead-ignore <rule-id>[,<rule-id>…] [-- reason]    the next line (or this line, at its end)
 *   # bulkhead-ignore-file <rule-id>[,<rule-id>…]           the whole file
 *
 * Without rule ids a suppression covers every rule. Rules never see these: the engine applies
 * them to findings after the rules ran.
 */
export interface Suppression {
  readonly ruleIds: readonly string[] | 'all';
  readonly scope: 'line' | 'file';
  /** The lines (0-based, inclusive) whose findings it hides: a finding is covered by its start line. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly reason?: string;
  /** The comment itself. */
  readonly range: OffsetRange;
}

const MARKER = 'bulkhead-ignore';

/**
 * Where a whole-line comment's suppression ends: the adapter of a file kind may widen it, e.g.
 * to a whole multi-line Dockerfile instruction. Gets the first covered line, returns the last.
 */
export type SuppressionExtent = (firstLine: number) => number;

export function findSuppressions(text: string, lines: LineIndex, extent?: SuppressionExtent): Suppression[] {
  if (!text.includes(MARKER)) return [];
  const found: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const markerAt = content.indexOf(MARKER);
    if (markerAt < 0) continue;
    const hashAt = commentStart(content, markerAt);
    if (hashAt < 0) continue;
    const parsed = parseDirective(content.slice(markerAt));
    if (!parsed) continue;
    const standalone = content.slice(0, hashAt).trim() === '';
    const targetLine = standalone ? nextContentLine(lines, line) : line;
    const lastLine = parsed.scope === 'file' ? lines.lineCount - 1 : extent && standalone ? extent(targetLine) : targetLine;
    const start = lines.lineStart(line) + hashAt;
    found.push({
      ...parsed,
      firstLine: parsed.scope === 'file' ? 0 : targetLine,
      lastLine: Math.max(targetLine, lastLine),
      range: { start, end: lines.lineEnd(line) },
    });
  }
  return found;
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression | undefined {
  return suppressions.find(
    (s) => line >= s.firstLine && line <= s.lastLine && (s.ruleIds === 'all' || s.ruleIds.includes(ruleId)),
  );
}

/** Index of the `#` that opens the comment holding the marker, or -1 if the marker is not in a comment. */
function commentStart(content: string, markerAt: number): number {
  const hashAt = content.lastIndexOf('#', markerAt);
  if (hashAt < 0 || content.slice(hashAt + 1, markerAt).trim() !== '') return -1;
  if (hashAt > 0 && !/\s/.test(content[hashAt - 1]!)) return -1;
  return hashAt;
}

function parseDirective(afterHash: string): Omit<Suppression, 'firstLine' | 'lastLine' | 'range'> | undefined {
  const fileScope = afterHash.startsWith(`${MARKER}-file`);
  const rest = afterHash.slice(fileScope ? MARKER.length + 5 : MARKER.length);
  if (rest !== '' && !/^\s/.test(rest)) return undefined; // e.g. "bulkhead-ignored"
  const [idsPart = '', ...reasonParts] = rest.split(' -- ');
  const ruleIds = idsPart
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const reason = reasonParts.join(' -- ').trim();
  return {
    ruleIds: ruleIds.length === 0 ? 'all' : ruleIds,
    scope: fileScope ? 'file' : 'line',
    ...(reason ? { reason } : {}),
  };
}

function nextContentLine(lines: LineIndex, after: number): number {
  for (let line = after + 1; line < lines.lineCount; line++) {
    const content = lines.lineText(line).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return after + 1;
}
