import type { RuleOptions } from './config';

/**
 * The vocabulary of the engine: rules, findings, fixes and the ranges they point at.
 *
 * Everything here is plain data over offsets into the analysed text (UTF-16 code units, as
 * JavaScript strings index them). Line/column positions exist only at the edges: the language
 * server converts to LSP positions, the CLI to 1-based `line:col`.
 */

/** Severities a finding can carry. `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = Severity | 'off';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** Which kind of file a rule reads. */
export type RuleTarget = 'dockerfile' | 'kubernetes' | 'compose';

/** Half-open range of offsets `[start, end)` into the analysed text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Replace `[start, end)` of the original text with `newText`. Inserts have start === end. */
export interface TextEdit extends OffsetRange {
  readonly newText: string;
}

/**
 * A fix is a minimal list of non-overlapping edits on the original text.
 * `safe` fixes join fix-all and `--fix`; suggestions are offered only as quick fixes.
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
}

/** The ids the same check has in the peers' catalogs, spelled as the peers spell them. */
export interface Equivalents {
  readonly hadolint?: readonly string[];
  readonly checkov?: readonly string[];
  readonly 'kube-linter'?: readonly string[];
  readonly trivy?: readonly string[];
  readonly pss?: readonly string[];
  readonly cis?: readonly string[];
  /** KICS query names (Compose has no checkov/Trivy checks; KICS and semgrep are its peers). */
  readonly kics?: readonly string[];
  readonly semgrep?: readonly string[];
}

export const PEER_NAMES = ['hadolint', 'checkov', 'kube-linter', 'trivy', 'pss', 'cis', 'kics', 'semgrep'] as const;

export interface RuleMeta {
  /** Stable kebab-case id with a target prefix, e.g. `dockerfile/user-root`. Equals the file path. */
  readonly id: string;
  readonly target: RuleTarget;
  readonly defaultSeverity: Severity;
  /** One line, shown in hovers, the rule table and SARIF. */
  readonly title: string;
  /** Why it matters: a short paragraph. */
  readonly rationale: string;
  /** How to fix it by hand: a short paragraph. */
  readonly remediation: string;
  /** Message templates keyed by message id; `{name}` placeholders are filled from report data. */
  readonly messages: Readonly<Record<string, string>>;
  /** Whether the rule's findings carry a fix, and whether that fix may be applied unattended. */
  readonly fix: 'safe' | 'suggestion' | 'none';
  readonly equivalents: Equivalents;
  /** Further reading (CIS, Pod Security Standards, Dockerfile reference). */
  readonly references?: readonly string[];
  /** Off unless the user gives the rule a severity (strict or noisy checks). */
  readonly optIn?: boolean;
  /** `workspace` rules look across files (through the workspace index) and run only where one exists. */
  readonly scope?: 'file' | 'workspace';
  /** A short insecure snippet and its secure counterpart, shown in the rule's documentation. */
  readonly example?: { readonly insecure: string; readonly secure: string };
  /**
   * Message ids that report a setting the subject lacks. A fragment — a Compose service with
   * neither `image` nor `build`, merged onto a service defined in another file (an override
   * file, `extends` into another file) — is not told what it lacks: that file may set it. What a
   * fragment sets is judged like anything else.
   */
  readonly missingMessages?: readonly string[];
}

/** What a rule reports: the engine turns it into a {@link Finding}. */
export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: OffsetRange;
  /** A finding-specific severity, used unless the user configured one for the rule. */
  readonly severity?: Severity;
  /** The fix; it is safe when the rule's fixes are, unless `safe: false` says this one needs a look. */
  readonly fix?: Omit<Fix, 'safe'> & { readonly safe?: false };
  /** Extra locations that explain the finding (e.g. the stage a `USER root` is inherited from). */
  readonly related?: readonly RelatedLocation[];
  /** Extra diagnostic tags: `deprecated` lets an editor strike the range through (LSP `DiagnosticTag.Deprecated`). */
  readonly tags?: readonly FindingTag[];
}

/** Tags a finding can carry beyond its severity. */
export type FindingTag = 'deprecated';

export interface RelatedLocation {
  readonly range: OffsetRange;
  readonly message: string;
}

export interface RuleContext {
  report(report: Report): void;
  /** Rule parameters from configuration (trusted registries, Kubernetes version). */
  readonly options: RuleOptions;
}

/** A rule: metadata plus a synchronous, pure check over an already-parsed subject. */
export interface Rule<Subject> {
  readonly meta: RuleMeta;
  check(subject: Subject, context: RuleContext): void;
}

export interface Finding {
  readonly ruleId: string;
  /** Which of the rule's messages this is (keys of `meta.messages`). */
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fix?: Fix;
  readonly related?: readonly RelatedLocation[];
  readonly tags?: readonly FindingTag[];
}

/** Something the engine could not analyse, or a rule that failed: never a crash. */
export interface AnalysisProblem {
  readonly message: string;
  readonly range?: OffsetRange;
  /** `internal` problems are bugs in Bulkhead (a rule threw); `input` problems are the file's. */
  readonly kind: 'input' | 'internal';
  readonly severity: Severity;
}
