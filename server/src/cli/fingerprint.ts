/**
 * Fingerprints that follow a finding across commits: SARIF `partialFingerprints` (so code
 * scanning keeps one alert per problem) and the entries of a baseline file.
 *
 * A fingerprint hashes what identifies the problem rather than where it is: the rule id, the
 * file, and the text of the line the finding starts on with its whitespace normalised (so
 * re-indenting does not change it). Line numbers are left out, so inserting or deleting
 * unrelated lines does not change it either. Identical lines in one file (two containers both
 * `privileged: true`) are told apart by an occurrence number, counted in report order.
 */
import { createHash } from 'node:crypto';
import type { ReportedFinding } from './scan';

/** The `partialFingerprints` key; a change to how fingerprints are computed is a new version. */
export const FINGERPRINT_KEY = 'bulkheadFindingHash/v1';

/** The line text as fingerprints see it: whitespace runs as one space, none at either end. */
export function normalizeLineText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * One fingerprint per finding, `<32 hex digits>:<occurrence>`. `findings` must be in report
 * order (scan reports are sorted); `pathOf` gives the path to hash (default: the finding's
 * file, relative to the current folder; a baseline uses paths relative to itself).
 */
export function fingerprints(findings: readonly ReportedFinding[], pathOf: (finding: ReportedFinding) => string = (finding) => finding.file): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256')
      .update(`${finding.ruleId}\u0000${pathOf(finding)}\u0000${normalizeLineText(finding.lineText ?? '')}`)
      .digest('hex')
      .slice(0, 32);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
