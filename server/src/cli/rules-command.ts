/**
 * `bulkhead rules` (the catalog from rule metadata, as a table or JSON) and `bulkhead explain`
 * (one rule's documentation, the same text as its page under docs/rules/).
 */
import { docsUrl, PEER_NAMES, type RuleMeta } from '../core/index';
import { compareStrings } from '../node/discover';
import { renderRuleDoc } from './rule-docs';

export interface RuleCatalogEntry {
  readonly id: string;
  readonly target: RuleMeta['target'];
  readonly severity: RuleMeta['defaultSeverity'];
  readonly title: string;
  readonly fixable: boolean;
  readonly docs: string;
  readonly equivalents: Readonly<Record<(typeof PEER_NAMES)[number], readonly string[]>>;
}

export function ruleCatalog(rules: readonly RuleMeta[]): RuleCatalogEntry[] {
  return sortById(rules).map((meta) => ({
    id: meta.id,
    target: meta.target,
    severity: meta.defaultSeverity,
    title: meta.title,
    fixable: meta.fix !== 'none',
    docs: docsUrl(meta.id),
    equivalents: equivalentsOf(meta),
  }));
}

/**
 * Every peer, always present and in a fixed order: an empty list when the rule has no
 * equivalent there. The six of SPEC §4 come first; `kics` and `semgrep` (Compose's peers) follow.
 */
function equivalentsOf(meta: RuleMeta): RuleCatalogEntry['equivalents'] {
  const equivalents = {} as Record<(typeof PEER_NAMES)[number], readonly string[]>;
  for (const peer of PEER_NAMES) equivalents[peer] = [...(meta.equivalents[peer] ?? [])];
  return equivalents;
}

export function formatRulesJson(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(ruleCatalog(rules), null, 2)}\n`;
}

/** An aligned table: id, target, default severity, fix kind, title. */
export function formatRulesText(rules: readonly RuleMeta[]): string {
  const header = ['RULE', 'TARGET', 'SEVERITY', 'FIX', 'TITLE'];
  const rows = sortById(rules).map((meta) => [meta.id, meta.target, meta.defaultSeverity, meta.fix, meta.title]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const count = `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}; \`bulkhead explain <rule>\` shows one in full.`;
  return `${[line(header), ...rows.map(line), '', count].join('\n')}\n`;
}

export type Resolution = { readonly rule: RuleMeta } | { readonly candidates: readonly RuleMeta[] };

/**
 * Finds the rule `query` names: its id, the id without the target prefix (`user-root`), or a
 * peer's id for the same check (`DL3002`, `CKV_K8S_16`, `KSV-0017`), case-insensitively.
 * Several matches (or close misses) come back as candidates.
 */
export function resolveRule(query: string, rules: readonly RuleMeta[]): Resolution {
  const wanted = query.trim().toLowerCase();
  const exact = rules.find((meta) => meta.id.toLowerCase() === wanted);
  if (exact) return { rule: exact };
  const byName = rules.filter((meta) => meta.id.toLowerCase().split('/').pop() === wanted);
  const byPeer = rules.filter((meta) => PEER_NAMES.some((peer) => (meta.equivalents[peer] ?? []).some((id) => id.toLowerCase() === wanted)));
  const matches = unique([...byName, ...byPeer]);
  if (matches.length === 1) return { rule: matches[0]! };
  if (matches.length > 1) return { candidates: sortById(matches) };
  return { candidates: sortById(rules.filter((meta) => wanted.length >= 3 && meta.id.toLowerCase().includes(wanted))) };
}

export function formatExplain(meta: RuleMeta): string {
  return `${renderRuleDoc(meta)}Online: ${docsUrl(meta.id)}\n`;
}

function sortById(rules: readonly RuleMeta[]): RuleMeta[] {
  return [...rules].sort((a, b) => compareStrings(a.id, b.id));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
