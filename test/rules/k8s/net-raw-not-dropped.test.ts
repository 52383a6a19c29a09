import { netRawNotDropped } from '../../../server/src/core/rules/k8s/net-raw-not-dropped';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(netRawNotDropped, {
  valid: [
    { fixture: 'pass-dropped.yaml' },
    ...validInEveryKind(
      'every container drops ALL or NET_RAW',
      'initContainers:\n- name: init\n  securityContext: {capabilities: {drop: [NET_RAW]}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      drop:\n      - ALL\nephemeralContainers:\n- name: debug\n  securityContext: {capabilities: {drop: ["all"]}}\n',
    ),
    ...validInEveryKind('Windows pods have no Linux capabilities', 'os: {name: windows}\ncontainers:\n- name: app\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'missing, empty and flow contexts in init, regular and ephemeral containers',
      'initContainers:\n- name: init\n  securityContext:\ncontainers:\n- name: app\n  image: nginx:1.27\nephemeralContainers:\n- name: debug\n  securityContext: {capabilities: {drop: [SYS_ADMIN]}}\n',
      [
        { line: 3, column: 3, endLine: 3, endColumn: 18, messageId: 'notDropped', messageIncludes: ['Init container `init`'] },
        { line: 5, column: 9, endLine: 5, endColumn: 12, messageId: 'notDropped', messageIncludes: ['Container `app`'] },
        { line: 9, column: 36, endLine: 9, endColumn: 40, messageId: 'notDropped', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  securityContext:\n    capabilities:\n      drop: ["NET_RAW"]\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    capabilities:\n      drop: ["NET_RAW"]\nephemeralContainers:\n- name: debug\n  securityContext: {capabilities: {drop: [SYS_ADMIN, NET_RAW]}}\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 20, column: 13, endLine: 20, endColumn: 17, messageId: 'notDropped', messageIncludes: ['Container `db` in StatefulSet `db`'], severity: 'info' },
        { line: 24, column: 42, endLine: 24, endColumn: 46, messageId: 'notDropped' },
        { line: 27, column: 9, endLine: 27, endColumn: 24, messageId: 'notDropped' },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 7, column: 13, endLine: 7, endColumn: 16, messageId: 'notDropped' }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});
