/**
 * The engine's entry point: text in, findings and problems out. Pure — no file system, no
 * process, no LSP — so the language server, the CLI and a browser worker share it.
 */
import { DEFAULT_CONFIG, type AnalysisConfig } from './engine/config';
import { LineIndex } from './engine/line-index';
import { runRules } from './engine/runner';
import { findSuppressions, isSuppressed, type Suppression } from './engine/suppressions';
import type { AnalysisProblem, Finding, OffsetRange, Rule } from './engine/types';
import { composeFileOf, isComposeFileName, looksLikeCompose, type ComposeService } from './compose/model';
import { parseDockerfile, type DockerfileModel } from './dockerfile/model';
import { ShellParseCache, type ParsedShell } from './dockerfile/shell';
import { isKubernetesDocument, resourcesOf, type KubernetesResource } from './kubernetes/model';
import { splitYamlDocuments } from './yaml/yaml-chunks';
import { parseYamlFile, type YamlParseError } from './yaml/yaml-document';
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

export interface AnalysisResult {
  readonly kind: FileKind;
  readonly findings: readonly Finding[];
  readonly problems: readonly AnalysisProblem[];
  readonly suppressions: readonly Suppression[];
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

/** Files above this size are skipped with one problem that says why. */
export const MAX_ANALYZED_BYTES = 10 * 1024 * 1024;

const DOCKERFILE_NAME = /(^|[\\/])((Dockerfile|Containerfile)(\.[^\\/]*)?|[^\\/]+\.(Dockerfile|dockerfile|Containerfile|containerfile))$/;
const YAML_NAME = /\.ya?ml$/i;

/** What kind of file a name (and language id) suggests, before reading it. */
export function classifyFileName(fileName: string, languageId?: string): 'dockerfile' | 'yaml' | 'other' {
  if (languageId === 'dockerfile' || DOCKERFILE_NAME.test(fileName)) return 'dockerfile';
  if (languageId === 'yaml' || languageId === 'dockercompose' || YAML_NAME.test(fileName)) return 'yaml';
  return 'other';
}

export function analyze(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  // A byte-order mark is not part of the content: analyse without it, then shift ranges back.
  const bom = input.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.text.slice(1) : input.text;
  const result = analyzeText({ ...input, text }, options);
  if (!bom) return result;
  return { ...shiftResult(result, bom), lines: new LineIndex(input.text) };
}

function analyzeText(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const lines = new LineIndex(input.text);
  const empty = (kind: FileKind, problems: AnalysisProblem[] = []): AnalysisResult => ({ kind, findings: [], problems, suppressions: [], lines, objects: [] });
  const nameKind = classifyFileName(input.fileName, input.languageId);
  if (nameKind === 'other') return empty('other');
  if (input.text.length > MAX_ANALYZED_BYTES) {
    return empty('too-large', [{ kind: 'input', severity: 'info', message: `File not analysed: it is ${(input.text.length / 1048576).toFixed(1)} MB, above Bulkhead's limit of ${MAX_ANALYZED_BYTES / 1048576} MB.` }]);
  }
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

  if (nameKind === 'dockerfile') {
    kind = 'dockerfile';
    // Shell parses depend only on the script text, never on rules or config: always reusable.
    const shells = new ShellParseCache(options.previous?.reuse?.shells);
    shellCache = shells.entries;
    const model = parseDockerfile(input.text, shells);
    suppressionExtent = (line) => {
      const instruction = model.instructions.find((candidate) => lines.positionAt(candidate.range.start).line === line);
      return instruction ? lines.positionAt(instruction.range.end).line : line;
    };
    runRules(options.rules.dockerfile, model, config, findings, problems);
  } else {
    if (isGoTemplate(input.text)) {
      return empty('helm', [{ kind: 'input', severity: 'info', message: 'Helm/Go template not analysed: render it (helm template) and scan the output.' }]);
    }
    const yaml = analyzeYaml(input, options, config);
    kind = yaml.kind;
    findings.push(...yaml.findings);
    problems.push(...yaml.problems);
    yamlChunks = yaml.chunks;
    objects = yaml.objects;
    if (options.workspace && options.rules.crossFile && objects.length > 0) {
      checkAcrossFiles(input.fileName, objects, options.workspace, options.rules.crossFile, config, findings, problems);
    }
  }

  const suppressions = findSuppressions(input.text, lines, suppressionExtent);
  const kept = suppressions.length === 0
    ? findings
    : findings.filter((finding) => !isSuppressed(suppressions, finding.ruleId, lines.positionAt(finding.range.start).line));
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { kind, findings: kept, problems, suppressions, lines, objects, reuse: { rules: options.rules, config, yamlChunks, shells: shellCache } };
}

/** What a YAML document chunk yields, relative to the chunk's start: kept for the next edit. */
interface ChunkAnalysis {
  readonly isKubernetes: boolean;
  readonly looksLikeCompose: boolean;
  readonly errors: readonly YamlParseError[];
  /** Findings and rule failures for the file kind they were computed for. */
  readonly results:
    | {
        readonly kind: 'kubernetes' | 'compose';
        readonly findings: readonly Finding[];
        readonly problems: readonly AnalysisProblem[];
        readonly objects: readonly WorkspaceObject[];
      }
    | undefined;
}

/**
 * YAML files are analysed one document at a time: documents are independent, so after an edit
 * only the documents whose text changed are parsed and checked again; the others' results are
 * reused from the previous analysis and shifted to where the documents now start.
 */
function analyzeYaml(input: AnalysisInput, options: AnalysisOptions, config: AnalysisConfig) {
  const previous = options.previous?.reuse;
  const reusable = previous && previous.rules === options.rules && previous.config === config ? previous.yamlChunks : undefined;
  const chunks = splitYamlDocuments(input.text).map((chunk) => {
    const cached = reusable?.get(chunk.text);
    return { ...chunk, analysis: cached ?? describeChunk(chunk.text) };
  });
  const kind: FileKind = isComposeFileName(input.fileName) || (chunks[0]?.analysis.looksLikeCompose && !chunks.some((chunk) => chunk.analysis.isKubernetes))
    ? 'compose'
    : chunks.some((chunk) => chunk.analysis.isKubernetes) ? 'kubernetes' : 'yaml';

  const findings: Finding[] = [];
  const problems: AnalysisProblem[] = [];
  const objects: WorkspaceObject[] = [];
  const kept = new Map<string, ChunkAnalysis>();
  chunks.forEach((chunk, documentIndex) => {
    let analysis = chunk.analysis;
    if (kind !== 'yaml' && analysis.results?.kind !== kind) analysis = { ...analysis, results: checkChunk(chunk.text, kind, options, config) };
    kept.set(chunk.text, analysis);
    if (kind === 'yaml') return; // YAML that is neither a manifest nor a Compose file is none of our business.
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
    for (const finding of analysis.results?.findings ?? []) findings.push(shiftFinding(finding, chunk.start));
    for (const problem of analysis.results?.problems ?? []) problems.push(problem.range ? { ...problem, range: shiftRange(problem.range, chunk.start) } : problem);
    for (const object of analysis.results?.objects ?? []) objects.push(shiftObject(object, chunk.start));
  });
  return { kind, findings, problems, objects, chunks: kept };
}

function describeChunk(text: string): ChunkAnalysis {
  const file = parseYamlFile(text);
  return {
    isKubernetes: file.documents.some(isKubernetesDocument),
    looksLikeCompose: file.documents[0] !== undefined && looksLikeCompose(file.documents[0]),
    errors: file.documents.flatMap((document) => document.errors),
    results: undefined,
  };
}

function checkChunk(text: string, kind: 'kubernetes' | 'compose', options: AnalysisOptions, config: AnalysisConfig): ChunkAnalysis['results'] {
  const file = parseYamlFile(text);
  const findings: Finding[] = [];
  const problems: AnalysisProblem[] = [];
  const objects: WorkspaceObject[] = [];
  if (kind === 'compose') {
    for (const service of composeFileOf(file).services) runRules(options.rules.compose, service, config, findings, problems);
  } else {
    for (const resource of resourcesOf(file)) {
      const before = findings.length;
      runRules(options.rules.kubernetes, resource, config, findings, problems);
      applyAnnotationSuppression(resource.annotations.get('bulkhead.dev/ignore'), findings, before);
      objects.push(workspaceObjectOf(resource));
    }
  }
  return { kind, findings, problems, objects };
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
): void {
  const view = workspace.view(fileName, objects);
  for (const object of objects) {
    const before = findings.length;
    runRules(rules, { file: fileName, object, workspace: view }, config, findings, problems);
    applyAnnotationSuppression(object.ignoredRules.join(','), findings, before);
  }
}

/** `metadata.annotations["bulkhead.dev/ignore"]: "rule-id,rule-id"` hides those rules for the resource. */
function applyAnnotationSuppression(annotation: string | undefined, findings: Finding[], from: number): void {
  if (!annotation) return;
  const ignored = new Set(annotation.split(',').map((id) => id.trim()).filter(Boolean));
  for (let index = findings.length - 1; index >= from; index--) {
    if (ignored.has(findings[index]!.ruleId) || ignored.has('all')) findings.splice(index, 1);
  }
}

/** Helm and other Go templates: `{{ … }}` somewhere in the text. */
function isGoTemplate(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
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
  return {
    ...result,
    findings: result.findings.map((finding) => shiftFinding(finding, by)),
    problems: result.problems.map((problem) => (problem.range ? { ...problem, range: shiftRange(problem.range, by) } : problem)),
    suppressions: result.suppressions.map((suppression) => ({ ...suppression, range: shiftRange(suppression.range, by) })),
  };
}
