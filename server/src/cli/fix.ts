/**
 * `bulkhead scan --fix`: applies the safe fixes of one file's findings, re-analysing and
 * repeating until nothing changes (fixes that overlap wait for the next pass). Pure: text in,
 * text out; scan.ts reads and writes the file.
 */
import { analyze, applyEdits, mergeNonOverlapping, type AnalysisOptions, type AnalysisResult, type Finding } from '../core/index';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The fixed text (=== the input when nothing was fixed). */
  readonly text: string;
  /** The analysis of the text as given (before any fix). */
  readonly initial: AnalysisResult;
  /** The analysis of the fixed text: what is left to report. */
  readonly result: AnalysisResult;
  /** How many fixes were applied, per rule id. */
  readonly applied: ReadonlyMap<string, number>;
  readonly passes: number;
}

export function fixText(fileName: string, text: string, options: AnalysisOptions): FixOutcome {
  let current = text;
  const initial = analyze({ fileName, text: current }, options);
  let result = initial;
  const applied = new Map<string, number>();
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const fixable = result.findings.filter((finding): finding is Finding & { fix: NonNullable<Finding['fix']> } =>
      finding.fix !== undefined && finding.fix.safe && finding.fix.edits.length > 0,
    );
    if (fixable.length === 0) break;
    const edits = mergeNonOverlapping(fixable.map((finding) => finding.fix.edits));
    const taken = new Set(edits);
    const next = applyEdits(current, edits);
    if (next === current) break;
    passes++;
    for (const finding of fixable) {
      if (taken.has(finding.fix.edits[0]!)) applied.set(finding.ruleId, (applied.get(finding.ruleId) ?? 0) + 1);
    }
    current = next;
    result = analyze({ fileName, text: current }, options);
  }
  return { text: current, initial, result, applied, passes };
}
