import { hostProcess } from '../../../server/src/core/rules/k8s/host-process';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(hostProcess, {
  valid: [
    { fixture: 'pass-windows.yaml' },
    ...validInEveryKind(
      'hostProcess false or unset everywhere',
      'os: {name: windows}\nsecurityContext:\n  windowsOptions: {hostProcess: false}\ninitContainers:\n- name: init\n  securityContext:\n    windowsOptions:\n      runAsUserName: ContainerUser\ncontainers:\n- name: app\n  securityContext:\n    windowsOptions:\n      hostProcess: false\n',
    ),
    { name: 'not a workload', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  hostProcess: "true"\n' },
    { name: 'half-typed pod', text: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    windowsOptions:\n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'pod level',
      'securityContext:\n  windowsOptions:\n    hostProcess: true # node agent\n    runAsUserName: "NT AUTHORITY\\\\SYSTEM"\nhostNetwork: true\ncontainers:\n- name: app\n',
      [{ line: 3, column: 5, endLine: 3, endColumn: 22, messageId: 'hostProcess', messageIncludes: ['(pod-level `securityContext`)', '`hostProcess: true`'] }],
      { fixed: 'securityContext:\n  windowsOptions:\n    runAsUserName: "NT AUTHORITY\\\\SYSTEM"\nhostNetwork: true\ncontainers:\n- name: app\n' },
    ),
    ...invalidInEveryKind(
      'init, regular and ephemeral containers; flow mappings',
      'initContainers:\n- name: init\n  securityContext: {windowsOptions: {hostProcess: true}}\ncontainers:\n- name: app\n  securityContext:\n    windowsOptions:\n      hostProcess: true\nephemeralContainers:\n- name: debug\n  securityContext:\n    windowsOptions: {runAsUserName: ContainerUser, hostProcess: true}\n',
      [
        { line: 3, column: 38, endLine: 3, endColumn: 55, messageId: 'hostProcess', messageIncludes: ['Init container `init`'] },
        { line: 8, column: 7, endLine: 8, endColumn: 24, messageId: 'hostProcess', messageIncludes: ['Container `app`'] },
        { line: 12, column: 52, endLine: 12, endColumn: 69, messageId: 'hostProcess', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  securityContext: {windowsOptions: {}}\ncontainers:\n- name: app\n  securityContext:\n    windowsOptions:\n      {}\nephemeralContainers:\n- name: debug\n  securityContext:\n    windowsOptions: {runAsUserName: ContainerUser}\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 20, column: 11, endLine: 20, endColumn: 28, messageId: 'hostProcess', messageIncludes: ['DaemonSet `agent` (pod-level'], severity: 'error' },
        { line: 26, column: 28, endLine: 26, endColumn: 45, messageId: 'hostProcess', messageIncludes: ['Container `agent` in DaemonSet `agent`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 14, column: 11, endLine: 14, endColumn: 28, messageId: 'hostProcess' }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});
