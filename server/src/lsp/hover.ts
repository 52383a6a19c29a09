/** Hover on a finding's range: what the rule is, why it matters, how to fix it, peers' ids. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { docsUrl, findRule, PEER_NAMES, type AnalysisResult, type Finding, type RuleMeta } from '../core/index';
import { toOffset, toRange, touches } from './positions';

export function hoverAt(result: AnalysisResult, position: Position): Hover | null {
  const offset = toOffset(result.lines, position);
  const here = result.findings.filter((finding) => touches(finding.range, { start: offset, end: offset }));
  if (here.length === 0) return null;
  // The innermost finding decides the highlighted range.
  const narrowest = here.reduce((best, finding) => (finding.range.end - finding.range.start < best.range.end - best.range.start ? finding : best));
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map(describeFinding).join('\n\n---\n\n') },
    range: toRange(result.lines, narrowest.range),
  };
}

export function describeFinding(finding: Finding): string {
  const meta = findRule(finding.ruleId)?.meta;
  const parts = [`**${escapeMarkdown(meta?.title ?? finding.ruleId)}** · \`${finding.ruleId}\` (${finding.severity})`, escapeMarkdown(finding.message)];
  if (meta) {
    parts.push(`**Why:** ${meta.rationale}`, `**How to fix:** ${meta.remediation}`);
    const peers = peerIds(meta);
    if (peers) parts.push(`**Also known as:** ${peers}`);
  }
  parts.push(`[Documentation](${docsUrl(finding.ruleId)})`);
  return parts.join('\n\n');
}

function peerIds(meta: RuleMeta): string {
  return PEER_NAMES.flatMap((peer) => {
    const ids = meta.equivalents[peer];
    return ids && ids.length > 0 ? [`${peer} ${ids.map((id) => `\`${id}\``).join(', ')}`] : [];
  }).join(' · ');
}

/**
 * Messages and titles are plain text with `code spans`, and messages quote the user's files:
 * markdown is escaped outside the spans only, and the spans are found as CommonMark finds them (a
 * run of n backticks opens a span that the next run of exactly n closes), so a backtick in a
 * quoted value can never end a span early and have the rest rendered as markdown (an image the
 * editor would fetch). Backtick runs that close nothing are escaped, and so is all punctuation
 * outside the spans.
 */
export function escapeMarkdown(raw: string): string {
  // One paragraph: a line break in a quoted value cannot end a code span or start a block.
  // (Starting only where a blank run starts: from every blank of a long run it is quadratic.)
  const text = raw.replace(/(?<!\s)\s*[\r\n]\s*/g, ' ');
  const runs = [...text.matchAll(/`+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // For each run, the next run of the same length (-1: none), in one pass from the end.
  const closingOf: number[] = [];
  const nextOfLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    const length = runs[index]!.end - runs[index]!.start;
    closingOf[index] = nextOfLength.get(length) ?? -1;
    nextOfLength.set(length, index);
  }
  let escaped = '';
  let position = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index]!;
    const closing = closingOf[index]!;
    escaped += escapeText(text.slice(position, open.start));
    if (closing < 0) {
      escaped += '\\`'.repeat(open.end - open.start);
      position = open.end;
    } else {
      escaped += text.slice(open.start, runs[closing]!.end);
      position = runs[closing]!.end;
      index = closing;
    }
  }
  return escaped + escapeText(text.slice(position));
}

/** Every ASCII punctuation character escaped (CommonMark allows it for all of them): no emphasis, link, image, HTML, autolink or list can start. */
function escapeText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
