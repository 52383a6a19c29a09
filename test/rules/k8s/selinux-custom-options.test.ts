import { selinuxCustomOptions } from '../../../server/src/core/rules/k8s/selinux-custom-options';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(selinuxCustomOptions, {
  valid: [
    { fixture: 'pass-allowed.yaml' },
    ...validInEveryKind(
      'allowed types, levels and empty user/role',
      'securityContext:\n  seLinuxOptions: {level: "s0:c1,c2"}\ninitContainers:\n- name: init\n  securityContext: {seLinuxOptions: {type: container_init_t, role: ""}}\ncontainers:\n- name: app\n  securityContext:\n    seLinuxOptions:\n      type: container_t\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'user, role and type in pod, init, regular and ephemeral contexts',
      'securityContext:\n  seLinuxOptions:\n    user: system_u   # why\n    level: s0\ninitContainers:\n- name: init\n  securityContext: {seLinuxOptions: {role: system_r}}\ncontainers:\n- name: app\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\nephemeralContainers:\n- name: debug\n  securityContext:\n    seLinuxOptions: {type: unconfined_t, user: unconfined_u}\n',
      [
        { line: 3, column: 5, endLine: 3, endColumn: 19, messageId: 'user', messageIncludes: ['(pod-level `securityContext`)', '`seLinuxOptions.user: system_u`'] },
        { line: 7, column: 38, endLine: 7, endColumn: 52, messageId: 'role', messageIncludes: ['Init container `init`'] },
        { line: 12, column: 7, endLine: 12, endColumn: 18, messageId: 'type', messageIncludes: ['Container `app`', '`spc_t`'] },
        { line: 16, column: 22, endLine: 16, endColumn: 40, messageId: 'type', messageIncludes: ['Ephemeral container `debug`'] },
        { line: 16, column: 42, endLine: 16, endColumn: 60, messageId: 'user' },
      ],
      {
        fixed:
          'securityContext:\n  seLinuxOptions:\n    level: s0\ninitContainers:\n- name: init\n  securityContext: {seLinuxOptions: {}}\ncontainers:\n- name: app\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\nephemeralContainers:\n- name: debug\n  securityContext:\n    seLinuxOptions: {type: unconfined_t}\n',
        remainingAfterFix: 2,
      },
    ),
    {
      name: 'container_engine_t is allowed only from 1.31',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    seLinuxOptions: {type: container_engine_t}\n  containers:\n  - name: a\n',
      config: { kubernetesVersion: '1.30' },
      findings: [{ line: 7, column: 22, endLine: 7, endColumn: 46, messageId: 'type', messageIncludes: ['1.30'] }],
      noFix: true,
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 16, column: 11, endLine: 16, endColumn: 25, messageId: 'user', messageIncludes: ['DaemonSet `collector` (pod-level'], severity: 'error' },
        { line: 17, column: 11, endLine: 17, endColumn: 25, messageId: 'role' },
        { line: 23, column: 28, endLine: 23, endColumn: 39, messageId: 'type', messageIncludes: ['Container `collector` in DaemonSet `collector`'] },
        { line: 23, column: 41, endLine: 23, endColumn: 55, messageId: 'role' },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
      remainingAfterFix: 1,
    },
  ],
});
