import { effectiveSeverity, isRuleEnabled, ruleOptionsOf, type AnalysisConfig } from './config';
import { countFinding, isBoundError } from './input-bounds';
import { formatMessage } from './messages';
import type { AnalysisProblem, Finding, Rule, RuleMeta } from './types';

/**
 * Runs rules over one subject. A rule that throws becomes one internal problem; the others
 * still run. Severity configuration is applied here, never inside rules. A `fragment` subject
 * (merged onto one defined elsewhere) gets no report of what it lacks ({@link RuleMeta.missingMessages}).
 */
export function runRules<Subject>(
  rules: readonly Rule<Subject>[],
  subject: Subject,
  config: AnalysisConfig,
  findings: Finding[],
  problems: AnalysisProblem[],
  { fragment = false }: { readonly fragment?: boolean } = {},
): void {
  const options = ruleOptionsOf(config);
  for (const rule of rules) {
    if (!isRuleEnabled(rule.meta, config)) continue;
    const { meta } = rule;
    try {
      rule.check(subject, {
        options,
        report(report) {
          if (fragment && meta.missingMessages?.includes(report.messageId)) return;
          const severity = effectiveSeverity(meta, config, report.severity);
          if (severity === 'off') return;
          const template = meta.messages[report.messageId];
          if (template === undefined) throw new Error(`rule ${meta.id} has no message '${report.messageId}'`);
          countFinding();
          findings.push({
            ruleId: meta.id,
            messageId: report.messageId,
            severity,
            message: capitalize(formatMessage(template, report.data)),
            range: report.range,
            ...(report.fix && meta.fix !== 'none'
              ? { fix: { title: report.fix.title, edits: report.fix.edits, safe: meta.fix === 'safe' && report.fix.safe !== false } }
              : {}),
            ...(report.related ? { related: report.related } : {}),
            ...(report.tags && report.tags.length > 0 ? { tags: report.tags } : {}),
          });
        },
      });
    } catch (error) {
      // Out of stack or past a bound is the input's doing, not this rule's bug: analyze() reports it once for the file.
      if (isBoundError(error)) throw error;
      problems.push({
        kind: 'internal',
        severity: 'warning',
        message: `Bulkhead rule ${meta.id} failed on this file and was skipped: ${describeError(error)}`,
      });
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
