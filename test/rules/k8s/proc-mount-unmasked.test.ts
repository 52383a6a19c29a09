import { procMountUnmasked } from '../../../server/src/core/rules/k8s/proc-mount-unmasked';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const USER_NAMESPACE_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostUsers: false\n  containers:\n  - name: a\n    securityContext: {procMount: Unmasked}\n';

testRule(procMountUnmasked, {
  valid: [
    { fixture: 'pass-default.yaml' },
    ...validInEveryKind('Default or unset', 'initContainers:\n- name: init\n  securityContext: {procMount: Default}\ncontainers:\n- name: app\n  securityContext:\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'init, regular and ephemeral containers',
      'initContainers:\n- name: init\n  securityContext: {procMount: Unmasked, runAsUser: 10001}\ncontainers:\n- name: app\n  securityContext:\n    procMount: Unmasked   # nested builds\nephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: default\n',
      [
        { line: 3, column: 21, endLine: 3, endColumn: 40, messageId: 'unmasked', messageIncludes: ['Init container `init`'], severity: 'error' },
        { line: 7, column: 5, endLine: 7, endColumn: 24, messageId: 'unmasked', messageIncludes: ['Container `app`'] },
        { line: 11, column: 5, endLine: 11, endColumn: 23, messageId: 'unmasked', messageIncludes: ['Ephemeral container `debug`', '`procMount: default`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  securityContext: {runAsUser: 10001}\ncontainers:\n- name: app\n  securityContext:\n    {}   # nested builds\nephemeralContainers:\n- name: debug\n  securityContext:\n    {}\n',
      },
    ),
    {
      name: 'hostUsers: false before 1.35 is still a baseline violation',
      text: USER_NAMESPACE_POD,
      findings: [{ line: 9, column: 23, endLine: 9, endColumn: 42, messageId: 'unmasked', severity: 'error' }],
    },
    {
      name: 'hostUsers: false from 1.35: allowed by baseline, still forbidden by restricted',
      text: USER_NAMESPACE_POD,
      config: { kubernetesVersion: '1.35' },
      findings: [{ line: 9, column: 23, endLine: 9, endColumn: 42, messageId: 'userNamespace', severity: 'warning', messageIncludes: ['user namespace'] }],
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 18, column: 11, endLine: 18, endColumn: 30, messageId: 'unmasked', messageIncludes: ['Container `build` in Job `build`'] }],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
