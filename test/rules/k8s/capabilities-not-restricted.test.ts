import { capabilitiesNotRestricted } from '../../../server/src/core/rules/k8s/capabilities-not-restricted';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(capabilitiesNotRestricted, {
  valid: [
    { fixture: 'pass-drop-all.yaml' },
    ...validInEveryKind(
      'drop ALL, add only NET_BIND_SERVICE',
      'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    capabilities:\n      drop: [ALL]\n      add: ["NET_BIND_SERVICE"]\n- name: other\n  securityContext: {capabilities: {drop: [NET_RAW, ALL]}}\n',
    ),
    ...validInEveryKind('Windows pods have no Linux capabilities (exempt)', 'os: {name: windows}\ncontainers:\n- name: app\n  image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'no securityContext at all',
      'containers:\n- name: app\n  image: nginx:1.27\n',
      [{ line: 2, column: 9, endLine: 2, endColumn: 12, messageId: 'dropAll', messageIncludes: ['Container `app`'] }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    capabilities:\n      drop: ["ALL"]\n' },
    ),
    ...invalidInEveryKind(
      'block drop list without ALL, extra added capability',
      'containers:\n- name: app\n  securityContext:\n    capabilities:\n      drop:\n      - NET_RAW   # raw sockets\n      add: ["NET_ADMIN", NET_BIND_SERVICE]\n',
      [
        { line: 5, column: 7, endLine: 5, endColumn: 11, messageId: 'dropAll' },
        { line: 7, column: 13, endLine: 7, endColumn: 24, messageId: 'added', messageIncludes: ['`NET_ADMIN`'] },
      ],
      { fixed: 'containers:\n- name: app\n  securityContext:\n    capabilities:\n      drop:\n      - NET_RAW   # raw sockets\n      - ALL\n      add: ["NET_ADMIN", NET_BIND_SERVICE]\n', remainingAfterFix: 1 },
    ),
    ...invalidInEveryKind(
      'lower-case all, empty and flow mappings in init and ephemeral containers',
      [
        'initContainers:',
        '- name: init',
        '  securityContext: {capabilities: {drop: ["all"]}}',
        '- name: setup',
        '  securityContext: {}',
        'containers:',
        '- name: app',
        '  securityContext:',
        '    capabilities:',
        'ephemeralContainers:',
        '- name: debug',
        '  securityContext: {runAsUser: 1000}',
        '',
      ].join('\n'),
      [
        { line: 3, column: 36, endLine: 3, endColumn: 40, messageId: 'dropAllCase', messageIncludes: ['Init container `init`', '`all`'] },
        { line: 5, column: 3, endLine: 5, endColumn: 18, messageId: 'dropAll', messageIncludes: ['Init container `setup`'] },
        { line: 9, column: 5, endLine: 9, endColumn: 17, messageId: 'dropAll', messageIncludes: ['Container `app`'] },
        { line: 12, column: 3, endLine: 12, endColumn: 18, messageId: 'dropAll', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: [
          'initContainers:',
          '- name: init',
          '  securityContext: {capabilities: {drop: ["all", "ALL"]}}',
          '- name: setup',
          '  securityContext: { capabilities: { drop: ["ALL"] } }',
          'containers:',
          '- name: app',
          '  securityContext:',
          '    capabilities:',
          '      drop: ["ALL"]',
          'ephemeralContainers:',
          '- name: debug',
          '  securityContext: {runAsUser: 1000, capabilities: { drop: ["ALL"] }}',
          '',
        ].join('\n'),
      },
    ),
    {
      fixture: 'fail-crlf.yaml',
      findings: [
        { line: 12, column: 13, endLine: 12, endColumn: 17, messageId: 'dropAll' },
        { line: 15, column: 15, endLine: 15, endColumn: 24, messageId: 'added', messageIncludes: ['`SYS_ADMIN`'] },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
      remainingAfterFix: 1,
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 16, column: 9, endLine: 16, endColumn: 24, messageId: 'dropAll', messageIncludes: ['Container `api` in Deployment `api`'] }],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
