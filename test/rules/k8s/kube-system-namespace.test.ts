import { kubeSystemNamespace } from '../../../server/src/core/rules/k8s/kube-system-namespace';
import { testRule } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';

const CONTAINERS = 'containers:\n- name: app\n  image: nginx:1.27\n';
const inNamespace = (text: string, namespace: string) => text.replace('metadata:\n  name: app\n', `metadata:\n  name: app\n  namespace: ${namespace}\n`);

testRule(kubeSystemNamespace, {
  valid: [
    { fixture: 'pass-elsewhere.yaml', name: 'another namespace; a RoleBinding in kube-system; the Namespace itself' },
    ...inEveryWorkloadKind(CONTAINERS).map((workload) => ({ name: `${workload.kind} in shop`, text: inNamespace(workload.text, 'shop') })),
  ],
  invalid: [
    ...inEveryWorkloadKind(CONTAINERS).map((workload) => ({
      name: `${workload.kind} in kube-system`,
      text: inNamespace(workload.text, 'kube-system'),
      findings: [{ line: 5, column: 14, endLine: 5, endColumn: 25, messageId: 'kubeSystem', messageIncludes: [`${workload.kind} \`app\``], severity: 'warning' as const }],
      noFix: true,
    })),
    {
      fixture: 'fail-list.yaml',
      name: 'List items, block with a comment and flow with quotes',
      findings: [
        { line: 8, column: 16, endLine: 8, endColumn: 27, messageId: 'kubeSystem', messageIncludes: ['Deployment `api`'] },
        { line: 15, column: 73, endLine: 15, endColumn: 86, messageId: 'kubeSystem', messageIncludes: ['Secret `api-token`'] },
      ],
      noFix: true,
    },
  ],
});
