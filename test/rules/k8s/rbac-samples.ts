/**
 * Role, ClusterRole and binding manifests for the RBAC rule tests, and a helper that finds the
 * exact 1-based range of a quoted list item (`"secrets"`) on a given line.
 */
export interface PolicyRuleText {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

const list = (items: readonly string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;

/** A Role or ClusterRole named `r`; its rules start on line 6, each `apiGroups` line first. */
export function role(kind: 'Role' | 'ClusterRole', rules: readonly PolicyRuleText[], apiVersion = 'rbac.authorization.k8s.io/v1'): string {
  const body = rules
    .map((rule) =>
      [
        `  - apiGroups: ${list(rule.apiGroups)}`,
        `    resources: ${list(rule.resources)}`,
        ...(rule.resourceNames ? [`    resourceNames: ${list(rule.resourceNames)}`] : []),
        `    verbs: ${list(rule.verbs)}`,
      ].join('\n'),
    )
    .join('\n');
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${body}\n`;
}

/** The 1-based range of `"value"` on `line` (the `occurrence`-th one), as the tester expects it. */
export function itemAt(text: string, line: number, value: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  const lineText = text.split('\n')[line - 1] ?? '';
  const quoted = JSON.stringify(value);
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) index = lineText.indexOf(quoted, index + 1);
  if (index < 0) throw new Error(`${quoted} not on line ${line}: ${lineText}`);
  return { line, column: index + 1, endLine: line, endColumn: index + 1 + quoted.length };
}

/** Harmless rules to put before the dangerous one, so tests prove every rule is read. */
export const READ_PODS: PolicyRuleText = { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] };
export const READ_DEPLOYMENTS: PolicyRuleText = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] };
export const EVERYTHING: PolicyRuleText = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
