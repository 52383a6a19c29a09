import { seccompUnconfined } from '../../../server/src/core/rules/k8s/seccomp-unconfined';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(seccompUnconfined, {
  valid: [
    { fixture: 'pass-confined.yaml' },
    ...validInEveryKind(
      'RuntimeDefault, Localhost or unset',
      'securityContext:\n  seccompProfile: {type: RuntimeDefault}\ninitContainers:\n- name: init\n  securityContext:\ncontainers:\n- name: app\n  securityContext:\n    seccompProfile:\n      type: Localhost\n      localhostProfile: app.json\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'pod level, init, regular and ephemeral containers',
      'securityContext:\n  seccompProfile:\n    type: Unconfined\ninitContainers:\n- name: init\n  securityContext: {seccompProfile: {type: Unconfined}}\ncontainers:\n- name: app\n  securityContext:\n    seccompProfile: {type: "unconfined"}\nephemeralContainers:\n- name: debug\n  securityContext:\n    seccompProfile:\n      type: Unconfined   # strace\n',
      [
        { line: 3, column: 5, endLine: 3, endColumn: 21, messageId: 'type', messageIncludes: ['(pod-level `securityContext`)', '`seccompProfile.type: Unconfined`'] },
        { line: 6, column: 38, endLine: 6, endColumn: 54, messageId: 'type', messageIncludes: ['Init container `init`'] },
        { line: 10, column: 22, endLine: 10, endColumn: 40, messageId: 'type', messageIncludes: ['Container `app`', '`seccompProfile.type: unconfined`'] },
        { line: 15, column: 7, endLine: 15, endColumn: 23, messageId: 'type', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed:
          'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ninitContainers:\n- name: init\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\ncontainers:\n- name: app\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\nephemeralContainers:\n- name: debug\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault   # strace\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 12, column: 9, endLine: 12, endColumn: 63, messageId: 'annotation', messageIncludes: ['Deployment `api`', '`seccomp.security.alpha.kubernetes.io/pod: unconfined`'], severity: 'error' },
        { line: 14, column: 9, endLine: 14, endColumn: 74, messageId: 'annotation' },
        { line: 18, column: 11, endLine: 18, endColumn: 27, messageId: 'type' },
        { line: 25, column: 44, endLine: 25, endColumn: 60, messageId: 'type', messageIncludes: ['Container `tracer` in Deployment `api`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
