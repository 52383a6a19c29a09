/**
 * Fix-all: apply every safe fix, re-analyse the edited text in memory, repeat until nothing
 * safe is left (or a pass limit), so one edit leaves the file clean even when fixes overlap or
 * one fix reveals the next finding.
 */
import { applyEdits, mergeNonOverlapping, type AnalysisResult, type Finding, type TextEdit } from '../core/index';

export function fixAllText(
  text: string,
  first: AnalysisResult,
  reanalyze: (text: string, previous: AnalysisResult) => AnalysisResult,
  include: (finding: Finding) => boolean,
  maxPasses: number,
): string | undefined {
  let current = text;
  let result = first;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = result.findings.flatMap((finding) => (finding.fix?.safe && include(finding) && finding.fix.edits.length > 0 ? [finding.fix.edits] : []));
    if (fixes.length === 0) break;
    const next = applyEdits(current, mergeNonOverlapping(fixes));
    if (next === current) break;
    current = next;
    if (pass + 1 < maxPasses) result = reanalyze(current, result);
  }
  return current === text ? undefined : current;
}

/**
 * One edit turning `before` into `after`: the differing middle, never splitting a CRLF or a
 * surrogate pair (positions inside those have no LSP spelling).
 */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  while (start > 0 && (splitsPair(before, start) || splitsPair(after, start))) start--;
  while (endBefore < before.length && (splitsPair(before, endBefore) || splitsPair(after, endAfter))) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const previous = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
