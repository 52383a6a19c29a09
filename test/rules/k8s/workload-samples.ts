/**
 * Samples for container and pod rules, generated from one pod-spec snippet in every workload
 * kind. Expected findings are written in snippet coordinates (1-based, end column exclusive).
 */
import type { ExpectedFinding, InvalidSample, Sample } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';

export function validInEveryKind(name: string, podSpec: string): Sample[] {
  return inEveryWorkloadKind(podSpec).map((workload) => ({ name: `${name} (${workload.kind})`, text: workload.text }));
}

export interface EveryKindOptions {
  /** The snippet after every fix; omitted when the findings have no fix. */
  readonly fixed?: string;
  readonly noFix?: boolean;
  readonly remainingAfterFix?: number;
}

/** One failing sample per workload kind; every message must name the workload (`Deployment \`app\``). */
export function invalidInEveryKind(name: string, podSpec: string, findings: readonly ExpectedFinding[], options: EveryKindOptions = {}): InvalidSample[] {
  const fixed = options.fixed === undefined ? undefined : inEveryWorkloadKind(options.fixed);
  return inEveryWorkloadKind(podSpec).map((workload, index) => ({
    name: `${name} (${workload.kind})`,
    text: workload.text,
    findings: findings.map((finding) => {
      const start = workload.at(finding.line, finding.column);
      const end = workload.at(finding.endLine, finding.endColumn);
      return {
        ...finding,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        messageIncludes: [...(finding.messageIncludes ?? []), `${workload.kind} \`app\``],
      };
    }),
    ...(fixed ? { fixedText: fixed[index]!.text } : {}),
    ...(options.noFix ? { noFix: true } : {}),
    ...(options.remainingAfterFix !== undefined ? { remainingAfterFix: options.remainingAfterFix } : {}),
  }));
}
