/**
 * `bulkhead scan`: reads each discovered file, analyses it with the engine (fixing it first with
 * `--fix`), and turns offsets into the 1-based positions and relative paths of the report.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  analyze,
  MAX_ANALYZED_BYTES,
  tooLargeToReadResult,
  SEVERITY_ORDER,
  type AnalysisConfig,
  type AnalysisProblem,
  type AnalysisResult,
  type Finding,
  type LineIndex,
  type OffsetRange,
  type RuleSet,
  type Severity,
  type Suppression,
  type SuppressionSource,
  unusedSuppressionFindings,
  WorkspaceIndex,
} from '../core/index';
import { compareStrings, toPosix } from '../node/discover';
import { fixText } from './fix';

/** One finding as the reports show it: 1-based lines and columns, end column exclusive. */
export interface ReportedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** `bulkhead scan --fix` would fix it (the finding has a safe fix). */
  readonly fixable: boolean;
  /**
   * Internal, for SARIF `fixes` (never in the JSON contract): the safe fix's edits as 1-based
   * regions of the file as it was analysed.
   */
  readonly fix?: ReportedFix;
  /** Internal, for fingerprints (never in the JSON contract): the text of the line the finding starts on. */
  readonly lineText?: string;
  /**
   * Internal, for SARIF (never in the JSON contract): set on a finding a suppression hid. Such
   * findings are kept apart in {@link ScanReport.suppressed}: they are not findings of the
   * report, do not count for `--fail-on`, and only SARIF shows them (as suppressed results).
   */
  readonly suppression?: ReportedSuppression;
}

/** The suppression that hid a finding: whose syntax, where it is written, and its reason. */
export interface ReportedSuppression {
  readonly source: SuppressionSource;
  /** The reason written with it (`-- reason`, checkov's `:reason`, a kube-linter annotation's value), if any. */
  readonly justification?: string;
  /** The comment or the annotation. */
  readonly region: ReportedRegion;
}

/** A 1-based, end-exclusive region of a file, in UTF-16 columns (as SARIF's default `columnKind`). */
export interface ReportedRegion {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ReportedFix {
  readonly title: string;
  readonly edits: readonly (ReportedRegion & { readonly newText: string })[];
}

/** A file, or part of one, that could not be analysed. */
export interface ReportedError {
  readonly file: string;
  /** Includes `line:col: ` in front when the problem has a position. */
  readonly message: string;
  /** `internal` errors (a rule crashed, a file could not be read or written) make the exit code 2. */
  readonly kind: 'input' | 'internal';
}

export interface FixedFile {
  readonly file: string;
  /** Applied fixes per rule id. */
  readonly applied: ReadonlyMap<string, number>;
  /** With `--fix-dry-run`: the file's text and what `--fix` would make of it (nothing is written). */
  readonly preview?: { readonly before: string; readonly after: string };
}

export interface ScanReport {
  /** How many files were scanned. */
  readonly fileCount: number;
  /** Sorted by file, line, column, rule id. */
  readonly findings: readonly ReportedFinding[];
  /** The findings suppressions hid, each with its `suppression`; sorted as `findings`. Only SARIF shows them. */
  readonly suppressed: readonly ReportedFinding[];
  /** Sorted by file. */
  readonly errors: readonly ReportedError[];
  /** Files `--fix` changed (or, with `--fix-dry-run`, would change). */
  readonly fixed: readonly FixedFile[];
  /** With `scan --baseline`: how many findings matched the baseline and were left out of `findings`. */
  readonly baselined?: number;
}

export interface ScanOptions {
  readonly cwd: string;
  readonly rules: RuleSet;
  readonly config: AnalysisConfig;
  readonly fix: boolean;
  /** With `fix`: work out the fixes but write nothing; report the findings of the files as they are. */
  readonly dryRun?: boolean;
  /** Per-file configuration (scanned paths under different `.bulkhead.yaml` files); `config` for the others. */
  readonly fileConfigs?: ReadonlyMap<string, AnalysisConfig>;
}

/**
 * Scans in two passes: every file on its own (filling the workspace index with its Kubernetes
 * objects), then the files with objects again against the complete index, for cross-file rules.
 * The second pass reuses the first's per-document results, so it costs little. The passes are
 * also what worker threads run on their share of the files (see parallel-scan.ts).
 */
export function scanFiles(files: readonly string[], options: ScanOptions): ScanReport {
  const first = firstPass(files, options);
  const index = new WorkspaceIndex();
  for (const { path, analysed } of first.withObjects) index.set(path, analysed.result.objects);
  return sortedReport(files.length, [...first.findings, ...secondPass(first.withObjects, index, options)], first.errors, first.fixed);
}

/** A file whose Kubernetes objects other files' findings may depend on: judged in the second pass. */
export interface FileWithObjects {
  readonly path: string;
  readonly file: string;
  readonly analysed: Analysed;
}

export interface FirstPass {
  /** Findings of the files without Kubernetes objects (final after this pass), suppressed ones among them (see {@link sortedReport}). */
  readonly findings: ReportedFinding[];
  readonly errors: ReportedError[];
  readonly fixed: FixedFile[];
  readonly withObjects: FileWithObjects[];
}

export function firstPass(files: readonly string[], options: ScanOptions): FirstPass {
  const result: FirstPass = { findings: [], errors: [], fixed: [], withObjects: [] };
  for (const path of files) {
    const file = displayPath(options.cwd, path);
    const outcome = scanFile(path, file, options);
    result.errors.push(...outcome.errors);
    if (outcome.fixed) result.fixed.push(outcome.fixed);
    if (outcome.analysed && outcome.analysed.result.objects.length > 0) result.withObjects.push({ path, file, analysed: outcome.analysed });
    else result.findings.push(...outcome.findings);
  }
  return result;
}

export function secondPass(files: readonly FileWithObjects[], index: WorkspaceIndex, options: ScanOptions): ReportedFinding[] {
  return files.flatMap(({ path, file, analysed }) => {
    const result = analyze({ fileName: path, text: analysed.text }, { rules: options.rules, config: options.fileConfigs?.get(path) ?? options.config, previous: analysed.result, workspace: index });
    return reportedFindings(result, file);
  });
}

/** The report, sorted; the passes' findings are split into the report's findings and the suppressed ones. */
export function sortedReport(fileCount: number, findings: ReportedFinding[], errors: ReportedError[], fixed: FixedFile[]): ScanReport {
  findings.sort(compareFindings);
  errors.sort((a, b) => compareStrings(a.file, b.file));
  fixed.sort((a, b) => compareStrings(a.file, b.file));
  return {
    fileCount,
    findings: findings.filter((finding) => finding.suppression === undefined),
    suppressed: findings.filter((finding) => finding.suppression !== undefined),
    errors,
    fixed,
  };
}

export interface Analysed {
  readonly text: string;
  readonly result: AnalysisResult;
}

interface FileOutcome {
  findings: ReportedFinding[];
  errors: ReportedError[];
  fixed?: FixedFile;
  /** The text analysed last (after fixes) and its analysis. */
  analysed?: Analysed;
}

function scanFile(path: string, file: string, options: ScanOptions): FileOutcome {
  const failed = (message: string, kind: ReportedError['kind'] = 'internal'): FileOutcome => ({ findings: [], errors: [{ file, message, kind }] });

  let bytes: Buffer;
  try {
    // Do not even read what the engine would refuse to analyse.
    const size = statSync(path).size;
    const tooLarge = size > MAX_ANALYZED_BYTES ? tooLargeToReadResult(path, size) : undefined;
    if (tooLarge) return failed(tooLarge.problems[0]!.message, 'input');
    bytes = readFileSync(path);
  } catch (error) {
    return failed(`Could not read the file: ${describe(error)}`);
  }
  const text = bytes.toString('utf8');
  const analysisOptions = { rules: options.rules, config: options.fileConfigs?.get(path) ?? options.config };

  let result: AnalysisResult;
  let analysedText = text;
  let fixedFile: FixedFile | undefined;
  const errors: ReportedError[] = [];
  try {
    if (options.fix) {
      const outcome = fixText(path, text, analysisOptions);
      result = outcome.result;
      if (outcome.text !== text) {
        if (!Buffer.from(text, 'utf8').equals(bytes)) {
          // Writing back would replace the invalid bytes too: leave the file alone.
          errors.push({ file, kind: 'input', message: 'Not fixed: the file is not valid UTF-8, so it cannot be rewritten without changing other bytes.' });
          result = outcome.initial;
        } else if (options.dryRun) {
          result = outcome.initial;
          fixedFile = { file, applied: sortedApplied(outcome.applied), preview: { before: text, after: outcome.text } };
        } else {
          try {
            writeFileSync(path, outcome.text, 'utf8');
            analysedText = outcome.text;
            fixedFile = { file, applied: sortedApplied(outcome.applied) };
          } catch (error) {
            errors.push({ file, kind: 'internal', message: `Could not write the fixes: ${describe(error)}` });
            result = outcome.initial;
          }
        }
      }
    } else {
      result = analyze({ fileName: path, text }, analysisOptions);
    }
  } catch (error) {
    return failed(`Bulkhead failed on this file (a bug, please report it): ${describe(error)}`);
  }

  for (const problem of result.problems) errors.push({ file, kind: problem.kind, message: problemMessage(problem, result.lines) });
  return { findings: reportedFindings(result, file), errors, analysed: { text: analysedText, result }, ...(fixedFile ? { fixed: fixedFile } : {}) };
}

function sortedApplied(applied: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  return new Map([...applied].sort(([a], [b]) => compareStrings(a, b)));
}

/** The result's findings, its unused suppressions (as findings) and the findings suppressions hid (with `suppression` set). */
function reportedFindings(result: AnalysisResult, file: string): ReportedFinding[] {
  const lines = result.lines;
  const region = (range: OffsetRange): ReportedRegion => {
    const start = lines.positionAt(range.start);
    const end = lines.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  const reported = (finding: Finding, suppression?: Suppression): ReportedFinding => {
    const at = region(finding.range);
    // A suppressed finding is not to be fixed: no fix to carry.
    const safeFix = !suppression && finding.fix?.safe === true && finding.fix.edits.length > 0 ? finding.fix : undefined;
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file,
      ...at,
      fixable: !suppression && finding.fix?.safe === true,
      ...(safeFix ? { fix: { title: safeFix.title, edits: safeFix.edits.map((edit) => ({ ...region(edit), newText: edit.newText })) } } : {}),
      lineText: lines.lineText(at.line - 1),
      ...(suppression
        ? { suppression: { source: suppression.source, ...(suppression.reason !== undefined ? { justification: suppression.reason } : {}), region: region(suppression.range) } }
        : {}),
    };
  };
  // Unused suppressions are listed like findings (bulkhead/unused-suppression), so stale ones get cleaned up.
  return [
    ...[...result.findings, ...unusedSuppressionFindings(result)].map((finding) => reported(finding)),
    ...result.suppressedFindings.map(({ finding, suppression }) => reported(finding, suppression)),
  ];
}

/** An engine problem as one line: `line:col: message` when it has a position. */
export function problemMessage(problem: AnalysisProblem, lines: LineIndex): string {
  if (!problem.range) return problem.message;
  const at = lines.positionAt(problem.range.start);
  return `${at.line + 1}:${at.character + 1}: ${problem.message}`;
}

export function displayPath(cwd: string, path: string): string {
  return toPosix(relative(cwd, path)) || '.';
}

export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.message, b.message)
  );
}

/** Whether any finding is at or above `threshold` (`none`: never). */
export function hasFindingsAtOrAbove(findings: readonly ReportedFinding[], threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;
  return findings.some((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[threshold]);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
