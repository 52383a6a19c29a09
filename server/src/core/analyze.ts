/**
 * The engine's entry point: text in, findings and problems out. Pure — no file system, no
 * process, no LSP — so the language server, the CLI and a browser worker share it.
 */
import { DEFAULT_CONFIG, isRuleEnabled, type AnalysisConfig } from './engine/config';
import { checkResourceCount, InputBoundExceeded, isStackOverflow, sizeBoundProblem, textBoundProblem, tooDeepProblem, unreadScriptProblems, withinFindingBound } from './engine/input-bounds';
import { LineIndex } from './engine/line-index';
import { runRules } from './engine/runner';
import { findSuppressions, mayHoldSuppressions, parseIdList, peerResolverOf, suppressionsCovering, type PeerResolver, type Suppression } from './engine/suppressions';
import type { AnalysisProblem, Finding, OffsetRange, Rule, RuleMeta, Severity } from './engine/types';
import { composeFileOf, isComposeFileName, looksLikeCompose, type ComposeService } from './compose/model';
import { isServiceFragment } from './compose/service-fields';
import { parseDockerfile, type DockerfileModel } from './dockerfile/model';
import { ShellParseCache, type ParsedShell } from './dockerfile/shell';
import { isKubernetesDocument, resourcesOf, type KubernetesResource } from './kubernetes/model';
import { splitYamlDocuments } from './yaml/yaml-chunks';
import { isGoTemplate, mapAt, pairRange, parseYamlFile, type YamlFile, type YamlParseError } from './yaml/yaml-document';
import type { CrossFileSubject } from './rules/define';
import { shiftObject, workspaceObjectOf, type WorkspaceObject } from './workspace/objects';
import type { WorkspaceIndex } from './workspace/workspace-index';

export type FileKind = 'dockerfile' | 'kubernetes' | 'compose' | 'helm' | 'yaml' | 'binary' | 'too-large' | 'other';

export interface AnalysisInput {
  /** Path or URI of the file: its base name decides whether it is a Dockerfile or a Compose file. */
  readonly fileName: string;
  readonly text: string;
  /** The editor's language id, when known (`dockerfile`, `yaml`, `dockercompose`). */
  readonly languageId?: string;
}

export interface RuleSet {
  readonly dockerfile: readonly Rule<DockerfileModel>[];
  readonly kubernetes: readonly Rule<KubernetesResource>[];
  readonly compose: readonly Rule<ComposeService>[];
  /** Rules that look across files; they run only when the analysis is given a workspace. */
  readonly crossFile?: readonly Rule<CrossFileSubject>[];
}

export interface AnalysisOptions {
  readonly rules: RuleSet;
  readonly config?: AnalysisConfig;
  /**
   * The previous analysis of the same document, if any: results of YAML documents whose text did
   * not change are reused (when rules and config are the same objects).
   */
  readonly previous?: AnalysisResult;
  /** The workspace index, for cross-file rules (the language server's and the CLI's scans). */
  readonly workspace?: WorkspaceIndex;
}

/** The code of an unused suppression, as diagnostics and reports show it; configurable like a rule id (`off`, a severity). */
export const UNUSED_SUPPRESSION_CODE = 'bulkhead/unused-suppression';

/** A finding a suppression hid: kept so reports (SARIF) can show it as suppressed, with the suppression's reason. */
export interface SuppressedFinding {
  readonly finding: Finding;
  readonly suppression: Suppression;
}

/**
 * A suppression that hid nothing (SPEC §3: reported so stale ones get cleaned up). Only judged
 * when every rule it names ran on the file; ids of rules Bulkhead does not know are not judged.
 */
export interface UnusedSuppression {
  readonly suppression: Suppression;
  readonly severity: Severity;
  readonly message: string;
}

export interface AnalysisResult {
  readonly kind: FileKind;
  /** What is left after suppressions. */
  readonly findings: readonly Finding[];
  readonly problems: readonly AnalysisProblem[];
  /** Every suppression of the file: comments (Bulkhead's and the peers') and resource annotations. */
  readonly suppressions: readonly Suppression[];
  /** The findings suppressions hid, each with the suppression that hid it (one with a reason preferred). */
  readonly suppressedFindings: readonly SuppressedFinding[];
  readonly unusedSuppressions: readonly UnusedSuppression[];
  /** Line index of the analysed text, for callers converting offsets to positions. */
  readonly lines: LineIndex;
  /** The file's Kubernetes objects, for the workspace index. */
  readonly objects: readonly WorkspaceObject[];
  /** What a later analysis of the same document may reuse (see AnalysisOptions.previous). */
  readonly reuse?: {
    readonly rules: RuleSet;
    readonly config: AnalysisConfig;
    readonly yamlChunks: ReadonlyMap<string, ChunkAnalysis> | undefined;
    /** Parsed RUN scripts of a Dockerfile, by script text. */
    readonly shells: ReadonlyMap<string, ParsedShell> | undefined;
  };
}

/** Files above this size are skipped with one problem that says why (the bounds: engine/input-bounds). */
export { MAX_ANALYZED_BYTES } from './engine/input-bounds';

const DOCKERFILE_NAME = /(^|[\\/])((Dockerfile|Containerfile)(\.[^\\/]*)?|[^\\/]+\.(Dockerfile|dockerfile|Containerfile|containerfile))$/;
const YAML_NAME = /\.ya?ml$/i;

/** What kind of file a name (and language id) suggests, before reading it. */
export function classifyFileName(fileName: string, languageId?: string): 'dockerfile' | 'yaml' | 'other' {
  if (languageId === 'dockerfile' || DOCKERFILE_NAME.test(fileName)) return 'dockerfile';
  if (languageId === 'yaml' || languageId === 'dockercompose' || YAML_NAME.test(fileName)) return 'yaml';
  return 'other';
}

/**
 * The result for a file of `size` bytes that is not even read because it is beyond the size bound
 * (what analyze() would say of its text); undefined when its name is not one Bulkhead analyses or
 * it is within the bound.
 */
export function tooLargeToReadResult(fileName: string, size: number): AnalysisResult | undefined {
  const kind = classifyFileName(fileName);
  const problem = kind === 'other' ? undefined : sizeBoundProblem(size, kind);
  if (!problem) return undefined;
  return { kind: 'too-large', findings: [], problems: [problem], suppressions: [], suppressedFindings: [], unusedSuppressions: [], lines: new LineIndex(''), objects: [] };
}

export function analyze(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  // A byte-order mark is not part of the content: analyse without it, then shift ranges back.
  const bom = input.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.text.slice(1) : input.text;
  const result = analyzeWithinBounds({ ...input, text }, options);
  if (!bom) return result;
  return { ...shiftResult(result, bom), lines: new LineIndex(input.text) };
}

/**
 * A bound that shows only once parsing is under way (too many resources or findings, nesting deep
 * enough to exhaust the stack) ends the analysis: the file is not analysed, one problem says why.
 */
function analyzeWithinBounds(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  try {
    return withinFindingBound(() => analyzeText(input, options));
  } catch (error) {
    const problem = error instanceof InputBoundExceeded ? error.problem : isStackOverflow(error) ? tooDeepProblem() : undefined;
    if (!problem) throw error;
    return { kind: 'too-large', findings: [], problems: [problem], suppressions: [], suppressedFindings: [], unusedSuppressions: [], lines: new LineIndex(input.text), objects: [] };
  }
}

function analyzeText(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const empty = (kind: FileKind, problems: AnalysisProblem[] = []): AnalysisResult => ({
    kind,
    findings: [],
    problems,
    suppressions: [],
    suppressedFindings: [],
    unusedSuppressions: [],
    lines: new LineIndex(input.text),
    objects: [],
  });
  const nameKind = classifyFileName(input.fileName, input.languageId);
  if (nameKind === 'other') return empty('other');
  const beyondBound = textBoundProblem(input.text, nameKind);
  if (beyondBound) return empty('too-large', [beyondBound]);
  if (looksBinary(input.text)) {
    return empty('binary', [{ kind: 'input', severity: 'info', message: 'File not analysed: it contains binary data (NUL bytes), not text.' }]);
  }

  const findings: Finding[] = [];
  const problems: AnalysisProblem[] = [];
  let kind: FileKind;
  let suppressionExtent: ((line: number) => number) | undefined;
  let yamlChunks: ReadonlyMap<string, ChunkAnalysis> | undefined;
  let shellCache: ReadonlyMap<string, ParsedShell> | undefined;
  let objects: readonly WorkspaceObject[] = [];
  let documents: { firstLine: number; lastLine: number }[] | undefined;
  let annotations: readonly PendingSuppression[] = [];
  const annotationSuppressed: PendingSuppressed[] = [];
  const ruleIndex = ruleSetIndexOf(options.rules);
  // The line index comes from the parsed model (Dockerfile) or is joined from the YAML documents'
  // cached indexes: an edit does not scan the whole text again for line breaks.
  let lines: LineIndex;
  let mayHoldSuppressions = true;

  if (nameKind === 'dockerfile') {
    kind = 'dockerfile';
    // Shell parses depend only on the script text, never on rules or config: always reusable.
    const shells = new ShellParseCache(options.previous?.reuse?.shells);
    shellCache = shells.entries;
    const model = parseDockerfile(input.text, shells);
    lines = model.lines;
    suppressionExtent = (line) => {
      const instruction = model.instructions.find((candidate) => lines.positionAt(candidate.range.start).line === line);
      return instruction ? lines.positionAt(instruction.range.end).line : line;
    };
    runRules(options.rules.dockerfile, model, config, findings, problems);
    for (const problem of unreadScriptProblems(model.instructions)) problems.push(problem);
  } else {
    const yaml = analyzeYaml(input, options, config, ruleIndex.peers);
    if (yaml.kind === 'helm') {
      // Kept for the next edit: each document's template judgement is made once.
      return {
        ...empty('helm', [{ kind: 'input', severity: 'info', message: 'Helm/Go template not analysed: render it (helm template) and scan the output.' }]),
        lines: yaml.lines,
        reuse: { rules: options.rules, config, yamlChunks: yaml.chunks, shells: undefined },
      };
    }
    lines = yaml.lines;
    mayHoldSuppressions = yaml.mayHoldSuppressions;
    kind = yaml.kind;
    // Loops, not push(...spread): a spread of 150,000 findings overflows the stack.
    for (const finding of yaml.findings) findings.push(finding);
    for (const problem of yaml.problems) problems.push(problem);
    yamlChunks = yaml.chunks;
    objects = yaml.objects;
    annotations = yaml.annotations;
    for (const hidden of yaml.suppressed) annotationSuppressed.push(hidden);
    documents = yaml.documentStarts.map((start, index) => ({
      firstLine: lines.positionAt(start).line,
      lastLine: index + 1 < yaml.documentStarts.length ? lines.positionAt(yaml.documentStarts[index + 1]!).line - 1 : lines.lineCount - 1,
    }));
    if (options.workspace && options.rules.crossFile && objects.length > 0) {
      checkAcrossFiles(input.fileName, objects, options.workspace, options.rules.crossFile, config, findings, problems, annotations, annotationSuppressed);
    }
  }

  const comments = !mayHoldSuppressions
    ? []
    : findSuppressions(input.text, lines, suppressionExtent, {
        peers: ruleIndex.peers,
        fileKind: kind === 'dockerfile' ? 'dockerfile' : 'yaml',
        ...(documents ? { documents } : {}),
      });
  const fromAnnotation = new Map(annotations.map((pending) => [pending, resolvePending(pending, lines)]));
  const suppressions = [...comments, ...fromAnnotation.values()].sort((a, b) => a.range.start - b.range.start);
  const used = new Set<Suppression>();
  const suppressedFindings: SuppressedFinding[] = [];
  const covering = (finding: Finding): Suppression[] => {
    if (comments.length === 0) return [];
    const found = suppressionsCovering(comments, finding.ruleId, lines.positionAt(finding.range.start).line);
    for (const suppression of found) used.add(suppression);
    return found;
  };
  for (const { finding, suppression, others } of annotationSuppressed) {
    const resolved = fromAnnotation.get(suppression)!;
    used.add(resolved);
    for (const other of others) used.add(fromAnnotation.get(other)!);
    covering(finding); // A comment hiding the same finding is not unused either.
    suppressedFindings.push({ finding, suppression: resolved });
  }
  const kept: Finding[] = [];
  for (const finding of findings) {
    const by = covering(finding);
    if (by.length === 0) kept.push(finding);
    else suppressedFindings.push({ finding, suppression: by.find((suppression) => suppression.reason !== undefined) ?? by[0]! });
  }
  const byPosition = (a: Finding, b: Finding) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
  kept.sort(byPosition);
  suppressedFindings.sort((a, b) => byPosition(a.finding, b.finding));

  const unusedSeverity = config.rules?.[UNUSED_SUPPRESSION_CODE];
  const unusedSuppressions: UnusedSuppression[] = [];
  if (unusedSeverity !== 'off' && kind !== 'yaml') {
    // Without a workspace the cross-file rules did not run: what they would have reported is unknown.
    const crossFileSkipped = !options.workspace && (options.rules.crossFile?.length ?? 0) > 0 && objects.length > 0;
    const couldReport = (ruleId: string): boolean => {
      const meta = ruleIndex.metas.get(ruleId);
      return meta !== undefined && isRuleEnabled(meta, config) && (meta.scope !== 'workspace' || options.workspace !== undefined);
    };
    for (const suppression of suppressions) {
      if (used.has(suppression)) continue;
      const judged = suppression.ruleIds === 'all' ? !crossFileSkipped : suppression.ruleIds.every(couldReport);
      if (judged) unusedSuppressions.push({ suppression, severity: unusedSeverity ?? 'info', message: unusedMessage(suppression) });
    }
  }
  return {
    kind,
    findings: kept,
    problems,
    suppressions,
    suppressedFindings,
    unusedSuppressions,
    lines,
    objects,
    reuse: { rules: options.rules, config, yamlChunks, shells: shellCache },
  };
}

/**
 * The unused suppressions as finding-shaped entries (rule id {@link UNUSED_SUPPRESSION_CODE},
 * no fix), for reports that list everything as findings (the CLI's).
 */
export function unusedSuppressionFindings(result: AnalysisResult): Finding[] {
  return result.unusedSuppressions.map(({ suppression, severity, message }) => ({ ruleId: UNUSED_SUPPRESSION_CODE, messageId: 'unused', severity, message, range: suppression.range }));
}

const SOURCE_LABELS: Readonly<Record<Suppression['source'], string>> = {
  bulkhead: 'Bulkhead',
  hadolint: 'hadolint',
  checkov: 'checkov',
  trivy: 'Trivy',
  'kube-linter': 'kube-linter',
};

function unusedMessage(suppression: Suppression): string {
  const label = suppression.source === 'bulkhead' ? 'Unused suppression' : `Unused ${SOURCE_LABELS[suppression.source]} suppression`;
  if (suppression.writtenIds === 'all') return `${label}: no finding to hide.`;
  const mapped = suppression.source !== 'bulkhead' && suppression.ruleIds !== 'all' ? ` (${suppression.ruleIds.join(', ')})` : '';
  return `${label}: no finding of ${suppression.writtenIds.join(', ')}${mapped} to hide.`;
}

/** Rule metadata by id and the peers' ids, per rule set (built once). */
interface RuleSetIndex {
  readonly metas: ReadonlyMap<string, RuleMeta>;
  readonly peers: PeerResolver;
}

const ruleSetIndexes = new WeakMap<RuleSet, RuleSetIndex>();

function ruleSetIndexOf(rules: RuleSet): RuleSetIndex {
  let index = ruleSetIndexes.get(rules);
  if (!index) {
    const metas = [...rules.dockerfile, ...rules.kubernetes, ...rules.compose, ...(rules.crossFile ?? [])].map((rule) => rule.meta);
    index = { metas: new Map(metas.map((meta) => [meta.id, meta])), peers: peerResolverOf(metas) };
    ruleSetIndexes.set(rules, index);
  }
  return index;
}

/**
 * A suppression annotation of a Kubernetes resource, as a cached YAML document keeps it: offsets
 * only (lines are the whole file's business), relative to the document until shifted.
 */
interface PendingSuppression extends Omit<Suppression, 'firstLine' | 'lastLine' | 'scope'> {
  /** The resource's range. */
  readonly covers: OffsetRange;
  /** The resource's `kind:` key: what identifies it among the workspace objects of the file. */
  readonly anchor: OffsetRange;
}

interface PendingSuppressed {
  readonly finding: Finding;
  /** The one that hid it (one with a reason preferred), and the others that would have. */
  readonly suppression: PendingSuppression;
  readonly others: readonly PendingSuppression[];
}

function shiftPending(pending: PendingSuppression, by: number): PendingSuppression {
  if (by === 0) return pending;
  return { ...pending, range: shiftRange(pending.range, by), covers: shiftRange(pending.covers, by), anchor: shiftRange(pending.anchor, by) };
}

function resolvePending(pending: PendingSuppression, lines: LineIndex): Suppression {
  return {
    source: pending.source,
    ruleIds: pending.ruleIds,
    writtenIds: pending.writtenIds,
    scope: 'resource',
    firstLine: lines.positionAt(pending.covers.start).line,
    lastLine: lines.positionAt(pending.covers.end).line,
    ...(pending.reason !== undefined ? { reason: pending.reason } : {}),
    range: pending.range,
  };
}

const KUBE_LINTER_IGNORE_CHECK = 'ignore-check.kube-linter.io/';
const KUBE_LINTER_IGNORE_ALL = 'kube-linter.io/ignore-all';

/**
 * The resource's suppression annotations: `bulkhead.dev/ignore: "<rule-id>,… [-- reason]"`,
 * kube-linter's `ignore-check.kube-linter.io/<check>: "<reason>"` (mapped through `equivalents`)
 * and `kube-linter.io/ignore-all: "<reason>"`.
 */
function annotationSuppressionsOf(resource: KubernetesResource, peers: PeerResolver): PendingSuppression[] {
  if (resource.annotations.size === 0) return [];
  const map = mapAt(resource.node, ['metadata', 'annotations'], resource.document);
  if (!map) return [];
  const found: PendingSuppression[] = [];
  for (const [key, value] of resource.annotations) {
    let parsed: Pick<Suppression, 'source' | 'ruleIds' | 'writtenIds' | 'reason'> | undefined;
    const reason = value.trim() || undefined;
    if (key === 'bulkhead.dev/ignore') {
      const list = parseIdList(value);
      if (list.ids.length === 0) continue;
      const ids = list.ids.includes('all') ? 'all' : list.ids;
      parsed = { source: 'bulkhead', ruleIds: ids, writtenIds: ids, ...(list.reason ? { reason: list.reason } : {}) };
    } else if (key === KUBE_LINTER_IGNORE_ALL) {
      parsed = { source: 'kube-linter', ruleIds: 'all', writtenIds: 'all', ...(reason ? { reason } : {}) };
    } else if (key.startsWith(KUBE_LINTER_IGNORE_CHECK)) {
      const check = key.slice(KUBE_LINTER_IGNORE_CHECK.length);
      const ruleIds = peers('kube-linter', check);
      if (ruleIds.length === 0) continue; // A check we have no equivalent of: kube-linter's business.
      parsed = { source: 'kube-linter', ruleIds, writtenIds: [check], ...(reason ? { reason } : {}) };
    }
    const range = parsed && pairRange(map, key);
    if (parsed && range) found.push({ ...parsed, range, covers: resource.range, anchor: resource.anchorRange });
  }
  return found;
}

/** Moves the findings from `from` on that one of `suppressions` covers into `suppressed`. */
function applyAnnotationSuppressions(suppressions: readonly PendingSuppression[], findings: Finding[], from: number, suppressed: PendingSuppressed[]): void {
  if (suppressions.length === 0) return;
  for (let index = findings.length - 1; index >= from; index--) {
    const finding = findings[index]!;
    const matching = suppressions.filter((suppression) => suppression.ruleIds === 'all' || suppression.ruleIds.includes(finding.ruleId));
    if (matching.length === 0) continue;
    findings.splice(index, 1);
    const chosen = matching.find((suppression) => suppression.reason !== undefined) ?? matching[0]!;
    suppressed.push({ finding, suppression: chosen, others: matching.filter((suppression) => suppression !== chosen) });
  }
}

/** What a YAML document chunk yields, relative to the chunk's start: kept for the next edit. */
interface ChunkAnalysis {
  /** The document's own line index, joined into the file's. */
  readonly lines: LineIndex;
  /** Whether the document's text holds any suppression comment syntax (else the file's comments need no reading). */
  readonly mayHoldSuppressions: boolean;
  readonly isKubernetes: boolean;
  readonly looksLikeCompose: boolean;
  /** What rules would run on: documents, or the items of a List, or Compose services (the bound is per file). */
  readonly resources: number;
  readonly errors: readonly YamlParseError[];
  /** A Helm/Go template ({@link isGoTemplate}): not parsed, and the file is not analysed. */
  readonly template: boolean;
  /** Findings and rule failures for the file kind they were computed for. */
  readonly results:
    | {
        readonly kind: 'kubernetes' | 'compose';
        readonly findings: readonly Finding[];
        readonly problems: readonly AnalysisProblem[];
        readonly objects: readonly WorkspaceObject[];
        /** The resources' suppression annotations, and the findings they hid. */
        readonly annotations: readonly PendingSuppression[];
        readonly suppressed: readonly PendingSuppressed[];
      }
    | undefined;
}

/**
 * YAML files are analysed one document at a time: documents are independent, so after an edit
 * only the documents whose text changed are parsed and checked again; the others' results are
 * reused from the previous analysis and shifted to where the documents now start.
 */
function analyzeYaml(input: AnalysisInput, options: AnalysisOptions, config: AnalysisConfig, peers: PeerResolver) {
  const previous = options.previous?.reuse;
  const reusable = previous && previous.rules === options.rules && previous.config === config ? previous.yamlChunks : undefined;
  const chunks = splitYamlDocuments(input.text).map((chunk) => {
    const cached = reusable?.get(chunk.text);
    if (cached) return { ...chunk, analysis: cached, parsed: undefined };
    if (isGoTemplate(chunk.text)) return { ...chunk, analysis: templateChunk(chunk.text), parsed: undefined };
    // The parse that described the chunk is handed to its check: each new document is parsed once.
    const parsed = parseYamlFile(chunk.text);
    return { ...chunk, analysis: describeChunk(parsed), parsed };
  });
  checkResourceCount(chunks.reduce((sum, chunk) => sum + chunk.analysis.resources, 0));
  const kind: FileKind = chunks.some((chunk) => chunk.analysis.template)
    ? 'helm'
    : isComposeFileName(input.fileName) || (chunks[0]?.analysis.looksLikeCompose && !chunks.some((chunk) => chunk.analysis.isKubernetes))
      ? 'compose'
      : chunks.some((chunk) => chunk.analysis.isKubernetes) ? 'kubernetes' : 'yaml';

  const findings: Finding[] = [];
  const problems: AnalysisProblem[] = [];
  const objects: WorkspaceObject[] = [];
  const annotations: PendingSuppression[] = [];
  const suppressed: PendingSuppressed[] = [];
  const kept = new Map<string, ChunkAnalysis>();
  chunks.forEach((chunk, documentIndex) => {
    let analysis = chunk.analysis;
    if ((kind === 'kubernetes' || kind === 'compose') && analysis.results?.kind !== kind) {
      analysis = { ...analysis, results: checkChunk(chunk.parsed ?? parseYamlFile(chunk.text), kind, options, config, peers) };
    }
    kept.set(chunk.text, analysis);
    // YAML that is neither a manifest nor a Compose file is none of our business; templates are not read.
    if (kind === 'yaml' || kind === 'helm') return;
    const error = analysis.errors[0];
    if (error) {
      const more = analysis.errors.length > 1 ? ` (and ${analysis.errors.length - 1} more)` : '';
      problems.push({
        kind: 'input',
        severity: 'info',
        range: shiftRange(error.range, chunk.start),
        message: `YAML syntax error in document ${documentIndex + 1}: ${error.message}${more}. Findings are reported for what parses.`,
      });
    }
    for (const finding of analysis.results?.findings ?? []) findings.push(shiftFinding(error ? withoutSafeFix(finding) : finding, chunk.start));
    for (const problem of analysis.results?.problems ?? []) problems.push(problem.range ? { ...problem, range: shiftRange(problem.range, chunk.start) } : problem);
    for (const object of analysis.results?.objects ?? []) objects.push(shiftObject(object, chunk.start));
    const shifted = new Map((analysis.results?.annotations ?? []).map((pending) => [pending, shiftPending(pending, chunk.start)]));
    annotations.push(...shifted.values());
    for (const hidden of analysis.results?.suppressed ?? []) {
      suppressed.push({ finding: shiftFinding(hidden.finding, chunk.start), suppression: shifted.get(hidden.suppression)!, others: hidden.others.map((other) => shifted.get(other)!) });
    }
  });
  return {
    kind,
    findings,
    problems,
    objects,
    annotations,
    suppressed,
    documentStarts: chunks.map((chunk) => chunk.start),
    chunks: kept,
    lines: LineIndex.join(input.text, chunks.map((chunk) => ({ start: chunk.start, lines: chunk.analysis.lines }))),
    mayHoldSuppressions: chunks.some((chunk) => chunk.analysis.mayHoldSuppressions),
  };
}

/** A document that is a Go template: only its lines are kept (the file is reported as a template). */
function templateChunk(text: string): ChunkAnalysis {
  return { lines: new LineIndex(text), mayHoldSuppressions: false, isKubernetes: false, looksLikeCompose: false, resources: 0, errors: [], template: true, results: undefined };
}

function describeChunk(file: YamlFile): ChunkAnalysis {
  return {
    template: false,
    lines: file.lines,
    mayHoldSuppressions: mayHoldSuppressions(file.text),
    // A document too deep to parse may be a manifest: reported as such, never taken for plain YAML
    // (which is not reported at all), or a deep array would hide a privileged Pod without a word.
    isKubernetes: file.documents.some((document) => document.tooDeep === true || isKubernetesDocument(document)),
    looksLikeCompose: file.documents[0] !== undefined && looksLikeCompose(file.documents[0]),
    resources: Math.max(file.documents.length, resourcesOf(file).length, composeFileOf(file).services.length),
    errors: file.documents.flatMap((document) => document.errors),
    results: undefined,
  };
}

function checkChunk(file: YamlFile, kind: 'kubernetes' | 'compose', options: AnalysisOptions, config: AnalysisConfig, peers: PeerResolver): ChunkAnalysis['results'] {
  const findings: Finding[] = [];
  const problems: AnalysisProblem[] = [];
  const objects: WorkspaceObject[] = [];
  const annotations: PendingSuppression[] = [];
  const suppressed: PendingSuppressed[] = [];
  if (kind === 'compose') {
    for (const service of composeFileOf(file).services) runRules(options.rules.compose, service, config, findings, problems, { fragment: isServiceFragment(service) });
  } else {
    for (const resource of resourcesOf(file)) {
      const before = findings.length;
      runRules(options.rules.kubernetes, resource, config, findings, problems);
      const own = annotationSuppressionsOf(resource, peers);
      annotations.push(...own);
      applyAnnotationSuppressions(own, findings, before, suppressed);
      objects.push(workspaceObjectOf(resource));
    }
  }
  return { kind, findings, problems, objects, annotations, suppressed };
}

/** Cross-file rules over the file's objects, against the workspace with this file as it is now. */
function checkAcrossFiles(
  fileName: string,
  objects: readonly WorkspaceObject[],
  workspace: WorkspaceIndex,
  rules: readonly Rule<CrossFileSubject>[],
  config: AnalysisConfig,
  findings: Finding[],
  problems: AnalysisProblem[],
  annotations: readonly PendingSuppression[],
  suppressed: PendingSuppressed[],
): void {
  const view = workspace.view(fileName, objects);
  for (const object of objects) {
    const before = findings.length;
    runRules(rules, { file: fileName, object, workspace: view }, config, findings, problems);
    const own = annotations.filter((annotation) => annotation.anchor.start === object.anchorRange.start);
    applyAnnotationSuppressions(own, findings, before, suppressed);
  }
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * In a document with syntax errors, fixes are edits to the parser's guess at its structure: still
 * offered one by one, never applied unattended (fix-all, `--fix`), where a guess gone wrong
 * repeats pass after pass (a key appended into the wrong mapping, again and again).
 */
function withoutSafeFix(finding: Finding): Finding {
  return finding.fix?.safe ? { ...finding, fix: { ...finding.fix, safe: false } } : finding;
}

function shiftRange(range: OffsetRange, by: number): OffsetRange {
  return by === 0 ? range : { start: range.start + by, end: range.end + by };
}

function shiftFinding(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  return {
    ...finding,
    range: shiftRange(finding.range, by),
    ...(finding.fix ? { fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, ...shiftRange(edit, by) })) } } : {}),
    ...(finding.related ? { related: finding.related.map((related) => ({ ...related, range: shiftRange(related.range, by) })) } : {}),
  };
}

function shiftResult(result: AnalysisResult, by: number): AnalysisResult {
  const suppressions = new Map(result.suppressions.map((suppression) => [suppression, { ...suppression, range: shiftRange(suppression.range, by) }]));
  return {
    ...result,
    findings: result.findings.map((finding) => shiftFinding(finding, by)),
    problems: result.problems.map((problem) => (problem.range ? { ...problem, range: shiftRange(problem.range, by) } : problem)),
    suppressions: [...suppressions.values()],
    suppressedFindings: result.suppressedFindings.map(({ finding, suppression }) => ({ finding: shiftFinding(finding, by), suppression: suppressions.get(suppression)! })),
    unusedSuppressions: result.unusedSuppressions.map((unused) => ({ ...unused, suppression: suppressions.get(unused.suppression)! })),
  };
}
