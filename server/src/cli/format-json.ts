/**
 * `--format json`, version 1: the contract other tools parse (SPEC §4). Keys, their order and
 * their meaning are fixed; a change is a new `version`.
 */
import type { ScanReport } from './scan';

export interface JsonReport {
  readonly version: 1;
  readonly tool: { readonly name: 'bulkhead'; readonly version: string };
  readonly findings: readonly {
    readonly ruleId: string;
    readonly severity: string;
    readonly message: string;
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly fixable: boolean;
  }[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

export function toJsonReport(report: ScanReport, toolVersion: string): JsonReport {
  return {
    version: 1,
    tool: { name: 'bulkhead', version: toolVersion },
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      fixable: finding.fixable,
    })),
    errors: report.errors.map((error) => ({ file: error.file, message: error.message })),
  };
}

export function formatJson(report: ScanReport, toolVersion: string): string {
  return `${JSON.stringify(toJsonReport(report, toolVersion), null, 2)}\n`;
}
