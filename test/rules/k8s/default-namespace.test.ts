import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultNamespace } from '../../../server/src/core/rules/k8s/default-namespace';
import { findingsOf, testRule } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';

const CONTAINERS = 'containers:\n- name: app\n  image: nginx:1.27\n';

testRule(defaultNamespace, {
  valid: [
    { fixture: 'pass-namespaced.yaml', name: 'a namespace set; cluster-scoped and custom kinds' },
    // Every workload kind, placed in a namespace.
    ...inEveryWorkloadKind(CONTAINERS).map((workload) => ({
      name: `namespaced ${workload.kind}`,
      text: workload.text.replace('metadata:\n  name: app\n', 'metadata:\n  name: app\n  namespace: shop\n'),
    })),
  ],
  invalid: [
    // Every workload kind without a namespace: reported at its name (line 4, `  name: app`).
    ...inEveryWorkloadKind(CONTAINERS).map((workload) => ({
      name: `no namespace (${workload.kind})`,
      text: workload.text,
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 12, messageId: 'unset', messageIncludes: [`${workload.kind} \`app\``], severity: 'info' as const }],
      noFix: true,
    })),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'explicit default with a comment; a flow metadata without namespace; default SA and kubernetes Service exempt',
      findings: [
        { line: 5, column: 14, endLine: 5, endColumn: 21, messageId: 'explicit', messageIncludes: ['ConfigMap `settings`'] },
        { line: 11, column: 18, endLine: 11, endColumn: 21, messageId: 'unset', messageIncludes: ['Deployment `api`'] },
      ],
      noFix: true,
    },
  ],
});

it('k8s/default-namespace points at a name or namespace written as an alias, never at the anchored node', () => {
  const unset = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app: &app web\n  name: *app\n';
  const [unsetFinding] = findingsOf(defaultNamespace, 'manifest.yaml', unset);
  assert.equal(unset.slice(unsetFinding!.range.start, unsetFinding!.range.end), '*app');
  const explicit = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    env: &env default\n  name: settings\n  namespace: *env\n';
  const [explicitFinding] = findingsOf(defaultNamespace, 'manifest.yaml', explicit);
  assert.equal(explicitFinding!.messageId, 'explicit');
  assert.equal(explicit.slice(explicitFinding!.range.start, explicitFinding!.range.end), '*env');
});
