/**
 * Baselines: `bulkhead baseline` records the findings a repository has today, and
 * `bulkhead scan --baseline FILE` reports only the ones that are not in it — a way to adopt
 * Bulkhead on an existing repository and gate only what changes make worse.
 *
 * Entries are matched by fingerprint (fingerprint.ts: rule, file, the text of the finding's line,
 * occurrence), so a baselined finding stays baselined when unrelated lines move it. Paths in
 * the file, and the ones hashed, are relative to the baseline file's folder, so a scan from a
 * subfolder still matches a baseline kept at the repository root.
 */
import { dirname, relative, resolve } from 'node:path';
import { compareStrings, toPosix } from '../node/discover';
import { fingerprints } from './fingerprint';
import type { ReportedFinding, ScanReport } from './scan';

export const DEFAULT_BASELINE_FILE = '.bulkhead-baseline.json';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly file: string;
  readonly fingerprint: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly tool: { readonly name: 'bulkhead'; readonly version: string };
  readonly findings: readonly BaselineEntry[];
}

/** A baseline file that cannot be used (not JSON, or not a Bulkhead baseline). */
export class BaselineError extends Error {}

/**
 * The entries for `report`'s findings, for a baseline file at `baselinePath`. `cwd` is the
 * folder the report's paths are relative to.
 */
export function baselineEntries(report: ScanReport, cwd: string, baselinePath: string): BaselineEntry[] {
  const pathOf = pathsRelativeTo(cwd, baselinePath);
  const prints = fingerprints(report.findings, pathOf);
  return report.findings
    .map((finding, index) => ({ ruleId: finding.ruleId, file: pathOf(finding), fingerprint: prints[index]! }))
    .sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint));
}

export function formatBaseline(report: ScanReport, options: { readonly cwd: string; readonly baselinePath: string; readonly toolVersion: string }): string {
  const file: BaselineFile = {
    version: 1,
    tool: { name: 'bulkhead', version: options.toolVersion },
    findings: baselineEntries(report, options.cwd, options.baselinePath),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseBaseline(text: string): BaselineFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const candidate = parsed as Partial<BaselineFile> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.version !== 1 || !Array.isArray(candidate.findings)) {
    throw new BaselineError('not a Bulkhead baseline (version 1); write one with `bulkhead baseline`');
  }
  for (const entry of candidate.findings as unknown[]) {
    const fields = entry as Partial<BaselineEntry> | null;
    if (typeof fields !== 'object' || fields === null || typeof fields.ruleId !== 'string' || typeof fields.file !== 'string' || typeof fields.fingerprint !== 'string') {
      throw new BaselineError('every entry of `findings` needs a string ruleId, file and fingerprint');
    }
  }
  return candidate as BaselineFile;
}

/** `report` without the findings `baseline` (read from `baselinePath`) has, and how many those were. */
export function applyBaseline(report: ScanReport, baseline: BaselineFile, cwd: string, baselinePath: string): ScanReport {
  const known = new Set(baseline.findings.map((entry) => key(entry.ruleId, entry.fingerprint)));
  const prints = fingerprints(report.findings, pathsRelativeTo(cwd, baselinePath));
  const findings = report.findings.filter((finding, index) => !known.has(key(finding.ruleId, prints[index]!)));
  return { ...report, findings, baselined: report.findings.length - findings.length };
}

function pathsRelativeTo(cwd: string, baselinePath: string): (finding: ReportedFinding) => string {
  const base = dirname(resolve(cwd, baselinePath));
  return (finding) => toPosix(relative(base, resolve(cwd, finding.file)));
}

function key(ruleId: string, fingerprint: string): string {
  return `${ruleId}\u0000${fingerprint}`;
}
