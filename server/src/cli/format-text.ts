/**
 * The human report: one `path:line:col severity rule-id message` line per finding (terminals
 * make `path:line:col` clickable), what `--fix` changed, then a summary line. Errors (files that
 * could not be analysed) go to a separate stream so they never mix with findings.
 */
import type { Severity } from '../core/index';
import type { ScanReport } from './scan';

export interface Colors {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly blue: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_COLORS: Colors = { red: ansi(31, 39), yellow: ansi(33, 39), blue: ansi(34, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const identity = (text: string): string => text;
export const NO_COLORS: Colors = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity };

export interface TextReport {
  /** Findings, fixes and the summary. */
  readonly out: string;
  /** Files (or parts of files) that could not be analysed; '' when there are none. */
  readonly err: string;
}

export function formatText(report: ScanReport, colors: Colors = NO_COLORS): TextReport {
  const severityColor: Record<Severity, (text: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const out: string[] = [];
  for (const fixed of report.fixed) {
    const rules = [...fixed.applied].map(([ruleId, count]) => (count === 1 ? ruleId : `${ruleId} ×${count}`)).join(', ');
    out.push(`${fixed.file}: fixed ${plural(total(fixed.applied), 'finding')} (${rules})`);
  }
  for (const finding of report.findings) {
    out.push(
      `${finding.file}:${finding.line}:${finding.column} ${severityColor[finding.severity](finding.severity)} ${colors.dim(finding.ruleId)} ${finding.message}`,
    );
  }
  out.push(colors.bold(summary(report)));

  const err = report.errors.map((error) => `${error.file}:${error.message.match(/^\d+:\d+: /) ? '' : ' '}${error.message}`);
  return { out: `${out.join('\n')}\n`, err: err.length > 0 ? `${err.join('\n')}\n` : '' };
}

/** `3 findings (1 error, 2 warnings) in 5 files`, plus what was fixed and what could not be analysed. */
export function summary(report: ScanReport): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity]++;
  const parts = (['error', 'warning', 'info'] as const).filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  let line = `${plural(report.findings.length, 'finding')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''} in ${plural(report.fileCount, 'file')}`;
  const fixedCount = report.fixed.reduce((sum, fixed) => sum + total(fixed.applied), 0);
  if (report.fixed.length > 0) line += `; fixed ${plural(fixedCount, 'finding')} in ${plural(report.fixed.length, 'file')}`;
  const fixable = report.findings.filter((finding) => finding.fixable).length;
  if (fixable > 0) line += `; ${fixable} fixable with --fix`;
  if (report.baselined !== undefined) line += `; ${plural(report.baselined, 'finding')} in the baseline not shown`;
  const erroredFiles = new Set(report.errors.map((error) => error.file)).size;
  if (erroredFiles > 0) line += `; ${plural(erroredFiles, 'file')} not fully analysed (details on stderr)`;
  return line;
}

function total(applied: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of applied.values()) sum += count;
  return sum;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
