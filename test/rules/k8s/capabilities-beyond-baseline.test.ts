import { capabilitiesBeyondBaseline } from '../../../server/src/core/rules/k8s/capabilities-beyond-baseline';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(capabilitiesBeyondBaseline, {
  valid: [
    { fixture: 'pass-baseline-set.yaml' },
    ...validInEveryKind(
      'no add, empty add, or only baseline capabilities',
      'initContainers:\n- name: init\n  securityContext: {capabilities: {add: []}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      drop: [ALL]\n      add: [NET_BIND_SERVICE]\nephemeralContainers:\n- name: debug\n  securityContext:\n    capabilities:\n      add:\n      - KILL\n',
    ),
    { name: 'not a workload', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  add: SYS_ADMIN\n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'init, regular and ephemeral containers; block and flow lists',
      'initContainers:\n- name: init\n  securityContext: {capabilities: {add: [NET_ADMIN, CHOWN]}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      add:\n      - SYS_PTRACE   # debugging\n      - KILL\nephemeralContainers:\n- name: debug\n  securityContext:\n    capabilities:\n      add:\n      - BPF\n',
      [
        { line: 3, column: 42, endLine: 3, endColumn: 51, messageId: 'added', messageIncludes: ['Init container `init`', '`NET_ADMIN`'] },
        { line: 9, column: 9, endLine: 9, endColumn: 19, messageId: 'added', messageIncludes: ['Container `app`', '`SYS_PTRACE`'] },
        { line: 16, column: 9, endLine: 16, endColumn: 12, messageId: 'added', messageIncludes: ['Ephemeral container `debug`', '`BPF`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  securityContext: {capabilities: {add: [CHOWN]}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      add:\n      - KILL\nephemeralContainers:\n- name: debug\n  securityContext:\n    capabilities:\n      {}\n',
      },
    ),
    ...invalidInEveryKind(
      'CAP_ prefix and lower case are not the baseline spelling',
      'containers:\n- name: app\n  securityContext:\n    capabilities: {add: [CAP_CHOWN, "net_bind_service"]}\n',
      [
        { line: 4, column: 26, endLine: 4, endColumn: 35, messageId: 'spelling', messageIncludes: ['`CAP_CHOWN`', 'Write `CHOWN`'] },
        { line: 4, column: 37, endLine: 4, endColumn: 55, messageId: 'spelling', messageIncludes: ['`net_bind_service`', '`NET_BIND_SERVICE`'] },
      ],
      { fixed: 'containers:\n- name: app\n  securityContext:\n    capabilities: {add: [CHOWN, NET_BIND_SERVICE]}\n' },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 17, column: 15, endLine: 17, endColumn: 24, messageId: 'added', messageIncludes: ['Container `router` in Deployment `router`'], severity: 'error' },
        { line: 18, column: 15, endLine: 18, endColumn: 25, messageId: 'spelling' },
        { line: 30, column: 48, endLine: 30, endColumn: 58, messageId: 'added', messageIncludes: ['Container `once` in Job `once`', '`SYS_TIME`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 13, column: 15, endLine: 13, endColumn: 25, messageId: 'added' }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});
