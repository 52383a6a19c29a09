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
  const parts = [`**${escape(meta?.title ?? finding.ruleId)}** · \`${finding.ruleId}\` (${finding.severity})`, escape(finding.message)];
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

/** Messages and titles are plain text with `code spans`: escape markdown outside the spans only. */
function escape(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/([\\*_[\]<>#])/g, '\\$1')))
    .join('`');
}
