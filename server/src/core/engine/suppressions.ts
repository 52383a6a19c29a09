import type { LineIndex } from './line-index';
import type { OffsetRange, RuleMeta } from './types';

/**
 * Inline suppressions, shared by every file kind (all of them use `#` comments):
 *
 *   # bulkhead-ignore <rule-id>[,<rule-id>…] [-- reason]    the next line (or this line, at its end)
 *   # bulkhead-ignore-file <rule-id>[,<rule-id>…]           the whole file
 *
 * Without rule ids a suppression covers every rule. The peers' syntaxes are honoured too, their
 * ids mapped to Bulkhead rules through each rule's `equivalents` (ids no rule maps are the
 * peer's business and ignored):
 *
 *   # hadolint ignore=DL3007,DL3008             Dockerfile: the next instruction
 *   # hadolint global ignore=DL3007             Dockerfile: the whole file
 *   # checkov:skip=CKV_K8S_20[,…][:reason]       YAML: its whole document; Dockerfile: the whole file
 *   # trivy:ignore:KSV-0001                     the next line (or this line, at its end); legacy
 *                                               ids (KSV001, DS002, AVD-KSV-0001) are normalised
 *
 * Annotations on a Kubernetes resource (`bulkhead.dev/ignore`, kube-linter's
 * `ignore-check.kube-linter.io/<check>` and `kube-linter.io/ignore-all`) are read by the engine
 * from the parsed resource (see analyze.ts) and become `resource` suppressions.
 *
 * Rules never see any of these: the engine applies them to findings after the rules ran.
 */
export interface Suppression {
  /** Whose syntax it is written in. */
  readonly source: SuppressionSource;
  /** The Bulkhead rules it hides (a peer's ids already mapped through `equivalents`), or every rule. */
  readonly ruleIds: readonly string[] | 'all';
  /** The ids as written (the peer's own ids for a peer's syntax); `all` when it names none. */
  readonly writtenIds: readonly string[] | 'all';
  /**
   * `line`: the lines below; `file`: the whole file; `document`: the YAML document holding the
   * comment (checkov); `resource`: the annotated Kubernetes resource (its lines, for information:
   * the engine matches annotation suppressions to the resource's own findings).
   */
  readonly scope: 'line' | 'file' | 'document' | 'resource';
  /** The lines (0-based, inclusive) whose findings it hides: a finding is covered by its start line. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly reason?: string;
  /** The comment itself, or the annotation (key and value). */
  readonly range: OffsetRange;
}

export type SuppressionSource = 'bulkhead' | 'hadolint' | 'checkov' | 'trivy' | 'kube-linter';
export type PeerTool = Exclude<SuppressionSource, 'bulkhead'>;

const MARKER = 'bulkhead-ignore';
/** Cheap test before the line-by-line pass: does the text hold any suppression syntax at all? */
const ANY_MARKER = /bulkhead-ignore|hadolint|checkov:skip|trivy:ignore/i;

/**
 * Where a whole-line comment's suppression ends: the adapter of a file kind may widen it, e.g.
 * to a whole multi-line Dockerfile instruction. Gets the first covered line, returns the last.
 */
export type SuppressionExtent = (firstLine: number) => number;

/** Maps a peer's id (as written) to the Bulkhead rules with that id among their `equivalents`. */
export type PeerResolver = (tool: PeerTool, id: string) => readonly string[];

export interface SuppressionContext {
  /** Reads the peers' comment syntaxes when given; without it only Bulkhead's own are read. */
  readonly peers?: PeerResolver;
  /** Which peers' syntaxes apply: hadolint's only in Dockerfiles. */
  readonly fileKind?: 'dockerfile' | 'yaml';
  /** Line ranges (0-based, inclusive) of a YAML file's documents, for checkov's document scope. */
  readonly documents?: readonly { readonly firstLine: number; readonly lastLine: number }[];
}

/** Whether `text` holds any suppression syntax at all: when not, it has no suppressions to find. */
export function mayHoldSuppressions(text: string): boolean {
  return ANY_MARKER.test(text);
}

export function findSuppressions(text: string, lines: LineIndex, extent?: SuppressionExtent, context: SuppressionContext = {}): Suppression[] {
  if (!mayHoldSuppressions(text)) return [];
  const found: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const lineStart = lines.lineStart(line);
    /** The lines a comment at `hashAt` covers when it applies to "the next line, or this one". */
    const lineCoverage = (hashAt: number): { firstLine: number; lastLine: number } => {
      const standalone = content.slice(0, hashAt).trim() === '';
      const targetLine = standalone ? nextContentLine(lines, line) : line;
      const lastLine = extent && standalone ? extent(targetLine) : targetLine;
      return { firstLine: targetLine, lastLine: Math.max(targetLine, lastLine) };
    };
    const fileCoverage = { firstLine: 0, lastLine: lines.lineCount - 1 };

    const markerAt = content.indexOf(MARKER);
    const hashAt = markerAt < 0 ? -1 : commentStart(content, markerAt);
    const parsed = hashAt < 0 ? undefined : parseDirective(content.slice(markerAt));
    if (parsed) {
      found.push({
        source: 'bulkhead',
        ...parsed,
        writtenIds: parsed.ruleIds,
        ...(parsed.scope === 'file' ? fileCoverage : lineCoverage(hashAt)),
        range: { start: lineStart + hashAt, end: lines.lineEnd(line) },
      });
    }

    const peers = context.peers;
    if (!peers) continue;
    if (context.fileKind === 'dockerfile') {
      const hadolint = HADOLINT.exec(content);
      if (hadolint) {
        const written = hadolint[3]!.split(/[\s,]+/).filter((id) => /^[A-Za-z]+\d+$/.test(id));
        const global = hadolint[2] !== undefined;
        const suppression = peerSuppression('hadolint', written, peers, {
          scope: global ? 'file' : 'line',
          ...(global ? fileCoverage : lineCoverage(hadolint[1]!.length)),
          range: { start: lineStart + hadolint[1]!.length, end: lines.lineEnd(line) },
        });
        if (suppression) found.push(suppression);
      }
    }

    for (const match of content.matchAll(CHECKOV)) {
      const at = match.index;
      if (commentStart(content, at + match[0].indexOf('checkov')) !== at) continue;
      const written = match[1]!.split(',').map((id) => id.trim()).filter((id) => id !== '');
      const reason = match[2]?.trim();
      const document = context.fileKind === 'yaml' ? context.documents?.find((candidate) => line >= candidate.firstLine && line <= candidate.lastLine) : undefined;
      const suppression = peerSuppression('checkov', written, peers, {
        scope: document ? 'document' : 'file',
        ...(document ? { firstLine: document.firstLine, lastLine: document.lastLine } : fileCoverage),
        range: { start: lineStart + at, end: lines.lineEnd(line) },
        ...(reason ? { reason } : {}),
      });
      if (suppression) found.push(suppression);
      break; // One checkov comment per line: its reason runs to the end of the line.
    }

    for (const match of content.matchAll(TRIVY)) {
      const at = match.index;
      if (commentStart(content, at + match[0].indexOf('trivy')) !== at) continue;
      const id = match[1]!.split(/[:[]/, 1)[0]!;
      const suppression = peerSuppression('trivy', [id], peers, {
        scope: 'line',
        ...lineCoverage(at),
        range: { start: lineStart + at, end: lineStart + at + match[0].length },
      });
      if (suppression) found.push(suppression);
    }
  }
  return found;
}

/** `# hadolint ignore=…` / `# hadolint global ignore=…`: a whole-line comment (group 1: the indent). */
const HADOLINT = /^(\s*)#\s*hadolint\s+(global\s+)?ignore\s*=\s*(.*)$/i;
/** `# checkov:skip=ID[,ID…][:reason]` */
const CHECKOV = /#\s*checkov:skip\s*=\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)(?::(.*))?/gi;
/** `#trivy:ignore:ID` (and `ID:exp:2025-01-01`, `ID[ws:…]`: only the id matters here). */
const TRIVY = /#\s*trivy:ignore:([^\s#]+)/gi;

function peerSuppression(
  source: PeerTool,
  written: readonly string[],
  peers: PeerResolver,
  rest: Pick<Suppression, 'scope' | 'firstLine' | 'lastLine' | 'range' | 'reason'>,
): Suppression | undefined {
  if (written.length === 0) return undefined;
  const everything = source === 'trivy' && written.length === 1 && written[0] === '*';
  const ruleIds = everything ? 'all' : [...new Set(written.flatMap((id) => peers(source, id)))];
  // Ids no rule of ours maps belong to the peer alone: not ours to apply (nor to call unused).
  if (ruleIds !== 'all' && ruleIds.length === 0) return undefined;
  return { source, ruleIds, writtenIds: everything ? 'all' : written, ...rest };
}

/** Every suppression covering a finding of `ruleId` that starts on `line`. */
export function suppressionsCovering(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression[] {
  return suppressions.filter(
    (s) => s.scope !== 'resource' && line >= s.firstLine && line <= s.lastLine && (s.ruleIds === 'all' || s.ruleIds.includes(ruleId)),
  );
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression | undefined {
  return suppressionsCovering(suppressions, ruleId, line)[0];
}

/** Builds a {@link PeerResolver} over the rules' `equivalents` (ids compared as each peer spells them, case aside). */
export function peerResolverOf(metas: Iterable<RuleMeta>): PeerResolver {
  const index = new Map<string, string[]>();
  const add = (tool: PeerTool, id: string, ruleId: string) => {
    const key = `${tool}:${normalizePeerId(tool, id)}`;
    const list = index.get(key);
    if (!list) index.set(key, [ruleId]);
    else if (!list.includes(ruleId)) list.push(ruleId);
  };
  for (const meta of metas) {
    for (const tool of ['hadolint', 'checkov', 'trivy', 'kube-linter'] as const) {
      for (const id of meta.equivalents[tool] ?? []) add(tool, id, meta.id);
    }
  }
  return (tool, id) => index.get(`${tool}:${normalizePeerId(tool, id)}`) ?? [];
}

/**
 * A peer's id in one canonical spelling. Trivy's ids went through several spellings over the
 * years: `KSV001`, `AVD-KSV-0001` and `KSV-0001` (and `DS002`, `AVD-DS-0002`, `DS-0002`) are
 * one check; its ids are case-insensitive. kube-linter's check names are lower case.
 */
export function normalizePeerId(tool: PeerTool, id: string): string {
  const trimmed = id.trim();
  if (tool === 'kube-linter') return trimmed.toLowerCase();
  const upper = trimmed.toUpperCase();
  if (tool !== 'trivy') return upper;
  const match = /^(?:AVD-)?([A-Z]+)-?(\d+)$/.exec(upper);
  return match ? `${match[1]}-${match[2]!.padStart(4, '0')}` : upper;
}

/** Index of the `#` that opens the comment holding the marker, or -1 if the marker is not in a comment. */
function commentStart(content: string, markerAt: number): number {
  const hashAt = content.lastIndexOf('#', markerAt);
  if (hashAt < 0 || content.slice(hashAt + 1, markerAt).trim() !== '') return -1;
  if (hashAt > 0 && !/\s/.test(content[hashAt - 1]!)) return -1;
  return hashAt;
}

/** Parses `bulkhead-ignore…` after the `#`; also used for the `bulkhead.dev/ignore` annotation's value. */
function parseDirective(afterHash: string): Pick<Suppression, 'ruleIds' | 'scope' | 'reason'> | undefined {
  const fileScope = afterHash.startsWith(`${MARKER}-file`);
  const rest = afterHash.slice(fileScope ? MARKER.length + 5 : MARKER.length);
  if (rest !== '' && !/^\s/.test(rest)) return undefined; // e.g. "bulkhead-ignored"
  const { ids, reason } = parseIdList(rest);
  return { ruleIds: ids.length === 0 ? 'all' : ids, scope: fileScope ? 'file' : 'line', ...(reason ? { reason } : {}) };
}

/** `a/b, c/d e/f -- reason`: ids separated by commas or blanks, then an optional reason. */
export function parseIdList(text: string): { ids: string[]; reason: string | undefined } {
  const [idsPart = '', ...reasonParts] = text.split(/\s--\s|\s--$/);
  const ids = idsPart
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const reason = reasonParts.join(' -- ').trim();
  return { ids, reason: reason || undefined };
}

function nextContentLine(lines: LineIndex, after: number): number {
  for (let line = after + 1; line < lines.lineCount; line++) {
    const content = lines.lineText(line).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return after + 1;
}
