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
import { isKubernetesDocument, resourcesOf, type KubernetesResource } from './kubernetes/model';
import { parseYamlFile, type YamlFile } from './yaml/yaml-document';

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
}

export interface AnalysisOptions {
  readonly rules: RuleSet;
  readonly config?: AnalysisConfig;
}

export interface AnalysisResult {
  readonly kind: FileKind;
  readonly findings: readonly Finding[];
  readonly problems: readonly AnalysisProblem[];
  readonly suppressions: readonly Suppression[];
  /** Line index of the analysed text, for callers converting offsets to positions. */
  readonly lines: LineIndex;
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
  const empty = (kind: FileKind, problems: AnalysisProblem[] = []): AnalysisResult => ({ kind, findings: [], problems, suppressions: [], lines });
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

  if (nameKind === 'dockerfile') {
    kind = 'dockerfile';
    const model = parseDockerfile(input.text);
    suppressionExtent = (line) => {
      const instruction = model.instructions.find((candidate) => lines.positionAt(candidate.range.start).line === line);
      return instruction ? lines.positionAt(instruction.range.end).line : line;
    };
    runRules(options.rules.dockerfile, model, config, findings, problems);
  } else {
    if (isGoTemplate(input.text)) {
      return empty('helm', [{ kind: 'input', severity: 'info', message: 'Helm/Go template not analysed: render it (helm template) and scan the output.' }]);
    }
    const file = parseYamlFile(input.text);
    problems.push(...yamlProblems(file));
    if (isComposeFileName(input.fileName) || (file.documents[0] && looksLikeCompose(file.documents[0]) && !file.documents.some(isKubernetesDocument))) {
      kind = 'compose';
      for (const service of composeFileOf(file).services) runRules(options.rules.compose, service, config, findings, problems);
    } else if (file.documents.some(isKubernetesDocument)) {
      kind = 'kubernetes';
      for (const resource of resourcesOf(file)) {
        const before = findings.length;
        runRules(options.rules.kubernetes, resource, config, findings, problems);
        applyAnnotationSuppression(resource, findings, before);
      }
    } else {
      kind = 'yaml';
      problems.length = 0; // YAML that is neither a manifest nor a Compose file is none of our business.
    }
  }

  const suppressions = findSuppressions(input.text, lines, suppressionExtent);
  const kept = suppressions.length === 0
    ? findings
    : findings.filter((finding) => !isSuppressed(suppressions, finding.ruleId, lines.positionAt(finding.range.start).line));
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { kind, findings: kept, problems, suppressions, lines };
}

/** `metadata.annotations["bulkhead.dev/ignore"]: "rule-id,rule-id"` hides those rules for the resource. */
function applyAnnotationSuppression(resource: KubernetesResource, findings: Finding[], from: number): void {
  const annotation = resource.annotations.get('bulkhead.dev/ignore');
  if (annotation === undefined) return;
  const ignored = new Set(annotation.split(',').map((id) => id.trim()).filter(Boolean));
  for (let index = findings.length - 1; index >= from; index--) {
    if (ignored.has(findings[index]!.ruleId) || ignored.has('all')) findings.splice(index, 1);
  }
}

function yamlProblems(file: YamlFile): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  for (const document of file.documents) {
    const first = document.errors[0];
    if (!first) continue;
    const more = document.errors.length > 1 ? ` (and ${document.errors.length - 1} more)` : '';
    problems.push({
      kind: 'input',
      severity: 'info',
      range: first.range,
      message: `YAML syntax error in document ${document.index + 1}: ${first.message}${more}. Findings are reported for what parses.`,
    });
  }
  return problems;
}

/** Helm and other Go templates: `{{ … }}` somewhere in the text. */
function isGoTemplate(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function shiftResult(result: AnalysisResult, by: number): AnalysisResult {
  const shift = (range: OffsetRange): OffsetRange => ({ start: range.start + by, end: range.end + by });
  return {
    ...result,
    findings: result.findings.map((finding) => ({
      ...finding,
      range: shift(finding.range),
      ...(finding.fix ? { fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, ...shift(edit) })) } } : {}),
      ...(finding.related ? { related: finding.related.map((related) => ({ ...related, range: shift(related.range) })) } : {}),
    })),
    problems: result.problems.map((problem) => (problem.range ? { ...problem, range: shift(problem.range) } : problem)),
    suppressions: result.suppressions.map((suppression) => ({ ...suppression, range: shift(suppression.range) })),
  };
}
