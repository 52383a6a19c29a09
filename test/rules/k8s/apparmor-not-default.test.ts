import { apparmorNotDefault } from '../../../server/src/core/rules/k8s/apparmor-not-default';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(apparmorNotDefault, {
  valid: [
    { fixture: 'pass-default.yaml' },
    ...validInEveryKind(
      'RuntimeDefault, Localhost or unset',
      'securityContext:\n  appArmorProfile: {type: RuntimeDefault}\ninitContainers:\n- name: init\n  securityContext:\ncontainers:\n- name: app\n  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: app\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'pod level, init, regular and ephemeral containers',
      'securityContext:\n  appArmorProfile:\n    type: Unconfined\ninitContainers:\n- name: init\n  securityContext: {appArmorProfile: {type: Unconfined}}\ncontainers:\n- name: app\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\nephemeralContainers:\n- name: debug\n  securityContext:\n    appArmorProfile:\n      type: Unconfined   # gdb\n',
      [
        { line: 3, column: 5, endLine: 3, endColumn: 21, messageId: 'type', messageIncludes: ['(pod-level `securityContext`)'] },
        { line: 6, column: 39, endLine: 6, endColumn: 55, messageId: 'type', messageIncludes: ['Init container `init`'] },
        { line: 15, column: 7, endLine: 15, endColumn: 23, messageId: 'type', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed:
          'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault\ninitContainers:\n- name: init\n  securityContext: {appArmorProfile: {type: RuntimeDefault}}\ncontainers:\n- name: app\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\nephemeralContainers:\n- name: debug\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault   # gdb\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 17, column: 9, endLine: 17, endColumn: 71, messageId: 'annotation', messageIncludes: ['Deployment `api`', 'apparmor.security.beta.kubernetes.io/api: unconfined'], severity: 'error' },
        { line: 21, column: 27, endLine: 21, endColumn: 43, messageId: 'type' },
        { line: 27, column: 13, endLine: 27, endColumn: 29, messageId: 'type', messageIncludes: ['Container `api` in Deployment `api`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
