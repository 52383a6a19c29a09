import { runAsUserZero } from '../../../server/src/core/rules/k8s/run-as-user-zero';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(runAsUserZero, {
  valid: [
    ...validInEveryKind(
      'non-zero or unset UIDs',
      'securityContext: {runAsUser: 10001}\ninitContainers:\n- name: init\n  securityContext:\ncontainers:\n- name: app\n  securityContext:\n    runAsUser: 1\n',
    ),
    { fixture: 'pass-user-namespace.yaml', config: { kubernetesVersion: '1.35' } },
    { name: 'not a workload', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  runAsUser: "0"\n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'pod level, init, regular and ephemeral containers',
      'securityContext:\n  runAsUser: 0\ninitContainers:\n- name: init\n  securityContext: {runAsUser: 0}\ncontainers:\n- name: app\n  securityContext:\n    runAsUser: 10001\nephemeralContainers:\n- name: debug\n  securityContext:\n    runAsUser: 0   # debugging as root\n',
      [
        { line: 2, column: 3, endLine: 2, endColumn: 15, messageId: 'root', messageIncludes: ['(pod-level `securityContext`)'] },
        { line: 5, column: 21, endLine: 5, endColumn: 33, messageId: 'root', messageIncludes: ['Init container `init`'] },
        { line: 13, column: 5, endLine: 13, endColumn: 17, messageId: 'root', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 10, column: 9, endLine: 10, endColumn: 21, messageId: 'root', messageIncludes: ['Deployment `api` (pod-level'], severity: 'error' },
        { line: 18, column: 11, endLine: 18, endColumn: 23, messageId: 'root', messageIncludes: ['Container `sidecar` in Deployment `api`'] },
      ],
      noFix: true,
    },
    {
      name: 'hostUsers: false relaxes the check only from Kubernetes 1.35',
      fixture: 'pass-user-namespace.yaml',
      config: { kubernetesVersion: '1.34' },
      findings: [{ line: 8, column: 21, endLine: 8, endColumn: 33, messageId: 'root' }],
    },
  ],
});
