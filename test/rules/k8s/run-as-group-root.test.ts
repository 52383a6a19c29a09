import { runAsGroupRoot } from '../../../server/src/core/rules/k8s/run-as-group-root';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(runAsGroupRoot, {
  valid: [
    { fixture: 'pass-non-root-groups.yaml' },
    ...validInEveryKind(
      'non-zero or unset groups',
      'securityContext: {runAsGroup: 10001, supplementalGroups: [10002]}\ncontainers:\n- name: app\n  securityContext:\n    runAsGroup: 10001\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'pod level groups, init, regular and ephemeral containers',
      'securityContext:\n  runAsGroup: 0\n  fsGroup: 0\n  supplementalGroups:\n  - 0\ninitContainers:\n- name: init\n  securityContext: {runAsGroup: 0}\ncontainers:\n- name: app\nephemeralContainers:\n- name: debug\n  securityContext:\n    runAsGroup: 0\n',
      [
        { line: 2, column: 3, endLine: 2, endColumn: 16, messageId: 'runAsGroup', messageIncludes: ['(pod-level `securityContext`)'] },
        { line: 3, column: 3, endLine: 3, endColumn: 13, messageId: 'fsGroup' },
        { line: 5, column: 5, endLine: 5, endColumn: 6, messageId: 'supplementalGroups' },
        { line: 8, column: 21, endLine: 8, endColumn: 34, messageId: 'runAsGroup', messageIncludes: ['Init container `init`'] },
        { line: 14, column: 5, endLine: 14, endColumn: 18, messageId: 'runAsGroup', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 19, column: 13, endLine: 19, endColumn: 26, messageId: 'runAsGroup', messageIncludes: ['CronJob `backup` (pod-level'], severity: 'info' },
        { line: 20, column: 13, endLine: 20, endColumn: 23, messageId: 'fsGroup' },
        { line: 21, column: 41, endLine: 21, endColumn: 42, messageId: 'supplementalGroups' },
        { line: 25, column: 31, endLine: 25, endColumn: 44, messageId: 'runAsGroup', messageIncludes: ['Container `backup` in CronJob `backup`'] },
      ],
      noFix: true,
    },
  ],
});
