/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (SPEC §4).
 *
 * One run. `tool.driver.rules` describes every rule from its metadata (so a viewer can show the
 * documentation of any alert); results point into files relative to `%SRCROOT%`, the folder the
 * scan ran in; fixable results carry their safe fix as replacements; `partialFingerprints`
 * follow a finding across commits (fingerprint.ts). Files that could not be analysed are
 * tool execution notifications of the run's invocation.
 *
 * Findings a suppression hid are results too, with an in-source `suppressions` entry (SARIF
 * 2.1.0 §3.35): its `justification` is the suppression's reason, its `location` the comment or
 * annotation. GitHub code scanning shows such a result as a dismissed alert rather than an open
 * one, and other viewers hide it by default. Every suppressed finding is emitted, not only those
 * whose suppression gives a reason: a suppression without a reason is still a decision written
 * in the source, and leaving its finding out would make code scanning close the alert as fixed
 * when nothing was fixed. Only the `justification` is left out then, the reason being unknown.
 * Suppressed results never count for `--fail-on` (they are not the report's findings) and the
 * text and JSON reports leave them out.
 */
import { pathToFileURL } from 'node:url';
import { docsUrl, type RuleMeta, type Severity } from '../core/index';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint';
import { renderRuleDoc } from './rule-docs';
import { compareFindings, type ReportedError, type ReportedFinding, type ReportedRegion, type ReportedSuppression, type ScanReport } from './scan';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/bulkhead-dev/bulkhead';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  readonly toolVersion: string;
  /** The folder the scan ran in: `%SRCROOT%`, which result paths are relative to. */
  readonly cwd: string;
  /** The rules to describe (all of them, in a stable order). */
  readonly rules: readonly RuleMeta[];
  /** A baseline filtered the findings: results are marked `baselineState: new`. */
  readonly baseline?: boolean;
}

type Level = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub code scanning ranks security alerts by this number (critical ≥ 9, high ≥ 7, medium ≥ 4, low). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.5', info: '2.0' };

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId: typeof SRCROOT;
}

interface SarifReportingDescriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription?: { readonly text: string };
  readonly help?: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly enabled: boolean; readonly level: Level };
  readonly properties: Readonly<Record<string, unknown>> & { readonly tags: readonly string[] };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [SarifRun];
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly semanticVersion: string;
      readonly informationUri: string;
      readonly rules: readonly SarifReportingDescriptor[];
    };
  };
  readonly invocations: readonly unknown[];
  readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly unknown[];
}

export function toSarif(report: ScanReport, options: SarifOptions): SarifLog {
  const rules = [...options.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(ruleDescriptor);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Findings and suppressed findings in one report order: fingerprints count identical lines in
  // that order, so a finding keeps its fingerprint (its alert) when it is suppressed or unsuppressed.
  const all = [...report.findings, ...report.suppressed].sort(compareFindings);
  // A finding of an id that is not a rule (the engine's own, e.g. about suppressions) still needs a descriptor.
  for (const finding of all) {
    if (!ruleIndex.has(finding.ruleId)) {
      ruleIndex.set(finding.ruleId, rules.length);
      rules.push(unknownRuleDescriptor(finding));
    }
  }

  const prints = fingerprints(all);
  const results = all.map((finding, index) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId)!,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(finding.file), region: sarifRegion(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[index]! },
    ...(finding.suppression ? { suppressions: [suppression(finding.file, finding.suppression)] } : options.baseline ? { baselineState: 'new' } : {}),
    ...(finding.fix && !finding.suppression
      ? {
          fixes: [
            {
              description: { text: finding.fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifactLocation(finding.file),
                  replacements: finding.fix.edits.map((edit) => ({ deletedRegion: sarifRegion(edit), insertedContent: { text: edit.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulkhead',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !report.errors.some((error) => error.kind === 'internal'),
            toolExecutionNotifications: report.errors.map(notification),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: ScanReport, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/** `file:///path/to/cwd/`: a base URI must end with a slash for relative references to resolve inside it. */
export function srcRootUri(cwd: string): string {
  const uri = pathToFileURL(cwd).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function ruleDescriptor(meta: RuleMeta): SarifReportingDescriptor {
  return {
    id: meta.id,
    name: pascalCase(meta.id.slice(meta.id.indexOf('/') + 1)),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale.trim() },
    help: { text: meta.remediation.trim(), markdown: renderRuleDoc(meta) },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { enabled: meta.optIn !== true, level: LEVELS[meta.defaultSeverity] },
    properties: {
      tags: ['security', meta.target],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
      fix: meta.fix,
      equivalents: meta.equivalents,
    },
  };
}

function unknownRuleDescriptor(finding: ReportedFinding): SarifReportingDescriptor {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId.slice(finding.ruleId.indexOf('/') + 1)),
    shortDescription: { text: finding.ruleId },
    defaultConfiguration: { enabled: true, level: LEVELS[finding.severity] },
    properties: { tags: ['bulkhead'] },
  };
}

/**
 * A suppression as SARIF sees it: in source, accepted (it is in the code under review), with its
 * reason as the justification when it has one, located at the comment or annotation.
 */
function suppression(file: string, reported: ReportedSuppression) {
  return {
    kind: 'inSource',
    status: 'accepted',
    ...(reported.justification !== undefined ? { justification: reported.justification } : {}),
    location: { physicalLocation: { artifactLocation: artifactLocation(file), region: sarifRegion(reported.region) } },
    properties: { syntax: reported.source },
  };
}

function notification(error: ReportedError) {
  // The message starts with `line:col: ` when the problem has a position (scan.ts problemMessage).
  const positioned = /^(\d+):(\d+): ([\s\S]*)$/.exec(error.message);
  const region = positioned ? { startLine: Number(positioned[1]), startColumn: Number(positioned[2]) } : undefined;
  return {
    level: error.kind === 'internal' ? 'error' : 'warning',
    message: { text: positioned ? positioned[3]! : error.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file), ...(region ? { region } : {}) } }],
  };
}

function artifactLocation(file: string): SarifArtifactLocation {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function sarifRegion(region: ReportedRegion): SarifRegion {
  return { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn };
}

function pascalCase(kebab: string): string {
  return kebab
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
