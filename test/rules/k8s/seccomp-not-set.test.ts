import { seccompNotSet } from '../../../server/src/core/rules/k8s/seccomp-not-set';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const WINDOWS = 'os: {name: windows}\nsecurityContext:\n  runAsNonRoot: true\ncontainers:\n- name: app\n';

testRule(seccompNotSet, {
  valid: [
    { fixture: 'pass-profiles.yaml' },
    ...validInEveryKind('pod-level profile', 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ninitContainers:\n- name: init\ncontainers:\n- name: app\nephemeralContainers:\n- name: debug\n'),
    ...validInEveryKind(
      'every container sets one',
      'initContainers:\n- name: init\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\ncontainers:\n- name: app\n  securityContext:\n    seccompProfile: {type: Localhost, localhostProfile: app.json}\n',
    ),
    ...validInEveryKind('an Unconfined pod profile is seccomp-unconfined\'s finding', 'securityContext: {seccompProfile: {type: Unconfined}}\ncontainers:\n- name: app\n'),
    ...validInEveryKind('Windows pods are exempt', WINDOWS),
    { name: 'no seccomp requirement before 1.19', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n', config: { kubernetesVersion: '1.18' } },
  ],
  invalid: [
    ...invalidInEveryKind(
      'no profile; one container of three sets its own',
      'securityContext:\n  runAsNonRoot: true\ninitContainers:\n- name: init\ncontainers:\n- name: app\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\nephemeralContainers:\n- name: debug\n',
      [{ line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'unset', messageIncludes: ['containers `init`, `debug`'], severity: 'warning' }],
      {
        fixed:
          'securityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\ninitContainers:\n- name: init\ncontainers:\n- name: app\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\nephemeralContainers:\n- name: debug\n',
      },
    ),
    ...invalidInEveryKind(
      'empty securityContext',
      'securityContext:\ncontainers:\n- name: app\n',
      [{ line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'unset', messageIncludes: ['container `app`'] }],
      { fixed: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ncontainers:\n- name: app\n' },
    ),
    {
      name: 'Windows pods are not exempt before 1.25',
      text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n${WINDOWS.replace(/^/gm, '  ')}`,
      config: { kubernetesVersion: '1.24' },
      findings: [{ line: 7, column: 3, endLine: 7, endColumn: 18, messageId: 'unset' }],
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 15, column: 7, endLine: 15, endColumn: 22, messageId: 'unset', messageIncludes: ['Deployment `api`', 'containers `api`, `metrics`'] },
        { line: 31, column: 21, endLine: 31, endColumn: 35, messageId: 'unset', messageIncludes: ['Pod `flow`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'unset' }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});
