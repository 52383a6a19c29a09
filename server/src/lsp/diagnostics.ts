/** Findings and engine problems as LSP diagnostics. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { docsUrl, UNUSED_SUPPRESSION_CODE, type AnalysisProblem, type AnalysisResult, type Finding, type Severity, type UnusedSuppression } from '../core/index';
import type { Analysis } from './analysis';
import { toRange } from './positions';

export const SOURCE = 'bulkhead';

/** `data` of a finding's diagnostic: code actions key off the rule id, never off the message. */
export interface FindingData {
  readonly ruleId: string;
  readonly messageId: string;
  readonly fix: 'safe' | 'suggestion' | 'none';
}

/** Codes of diagnostics about the file rather than a rule. */
export type ProblemCode = 'bulkhead/parse-error' | 'bulkhead/binary' | 'bulkhead/too-large' | 'bulkhead/template' | 'bulkhead/internal' | typeof UNUSED_SUPPRESSION_CODE;

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostics(uri: string, analysis: Analysis): Diagnostic[] {
  if (analysis.status === 'skipped') return [];
  if (analysis.status === 'failed') {
    return [fileDiagnostic('bulkhead/internal', DiagnosticSeverity.Warning, `Bulkhead failed to analyse this file: ${firstLine(analysis.error)}`)];
  }
  const { result } = analysis;
  return [
    ...result.findings.map((finding) => findingDiagnostic(uri, result, finding)),
    ...result.unusedSuppressions.map((unused) => unusedSuppressionDiagnostic(result, unused)),
    ...result.problems.map((problem) => problemDiagnostic(result, problem)),
  ];
}

/** A suppression that hid nothing: greyed out (Unnecessary), so stale ones get cleaned up. */
function unusedSuppressionDiagnostic(result: AnalysisResult, unused: UnusedSuppression): Diagnostic {
  return {
    range: toRange(result.lines, unused.suppression.range),
    severity: SEVERITY[unused.severity],
    source: SOURCE,
    code: UNUSED_SUPPRESSION_CODE,
    message: unused.message,
    tags: [DiagnosticTag.Unnecessary],
    data: { problem: UNUSED_SUPPRESSION_CODE },
  };
}

function findingDiagnostic(uri: string, result: AnalysisResult, finding: Finding): Diagnostic {
  const data: FindingData = { ruleId: finding.ruleId, messageId: finding.messageId, fix: finding.fix ? (finding.fix.safe ? 'safe' : 'suggestion') : 'none' };
  return {
    range: toRange(result.lines, finding.range),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data,
    ...(finding.related && finding.related.length > 0
      ? { relatedInformation: finding.related.map((related) => ({ location: { uri, range: toRange(result.lines, related.range) }, message: related.message })) }
      : {}),
    ...(finding.tags?.includes('deprecated') ? { tags: [DiagnosticTag.Deprecated] } : {}),
  };
}

function problemDiagnostic(result: AnalysisResult, problem: AnalysisProblem): Diagnostic {
  const code = problemCode(result, problem);
  const severity = problem.kind === 'internal' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
  if (!problem.range) return fileDiagnostic(code, severity, problem.message);
  return { range: toRange(result.lines, problem.range), severity, source: SOURCE, code, message: problem.message, data: { problem: code } };
}

function problemCode(result: AnalysisResult, problem: AnalysisProblem): ProblemCode {
  if (problem.kind === 'internal') return 'bulkhead/internal';
  switch (result.kind) {
    case 'binary':
      return 'bulkhead/binary';
    case 'too-large':
      return 'bulkhead/too-large';
    case 'helm':
      return 'bulkhead/template';
    default:
      return 'bulkhead/parse-error';
  }
}

/** A diagnostic about the whole file, anchored at its start. */
function fileDiagnostic(code: ProblemCode, severity: DiagnosticSeverity, message: string): Diagnostic {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity, source: SOURCE, code, message, data: { problem: code } };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}

export function isFindingData(data: unknown): data is FindingData {
  return typeof data === 'object' && data !== null && typeof (data as { ruleId?: unknown }).ruleId === 'string';
}
