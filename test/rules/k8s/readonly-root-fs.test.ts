import { readonlyRootFs } from '../../../server/src/core/rules/k8s/readonly-root-fs';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(readonlyRootFs, {
  valid: [
    { fixture: 'pass-read-only.yaml' },
    ...validInEveryKind(
      'every container is read-only',
      'initContainers:\n- name: init\n  securityContext: {readOnlyRootFilesystem: true}\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    readOnlyRootFilesystem: true\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'unset, explicit false, empty and flow securityContext',
      [
        'initContainers:',
        '- name: init',
        '  securityContext:',
        'containers:',
        '- name: app',
        '  image: nginx:1.27',
        '  securityContext:',
        "    'readOnlyRootFilesystem': false",
        'ephemeralContainers:',
        '- name: debug',
        '  securityContext: {runAsUser: 1000}',
        '',
      ].join('\n'),
      [
        { line: 2, column: 9, endLine: 2, endColumn: 13, messageId: 'unset', messageIncludes: ['Init container `init`'] },
        { line: 8, column: 5, endLine: 8, endColumn: 36, messageId: 'writable', messageIncludes: ['`readOnlyRootFilesystem: false`'] },
        { line: 10, column: 9, endLine: 10, endColumn: 14, messageId: 'unset', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: [
          'initContainers:',
          '- name: init',
          '  securityContext:',
          '    readOnlyRootFilesystem: true',
          'containers:',
          '- name: app',
          '  image: nginx:1.27',
          '  securityContext:',
          "    'readOnlyRootFilesystem': true",
          'ephemeralContainers:',
          '- name: debug',
          '  securityContext: {runAsUser: 1000, readOnlyRootFilesystem: true}',
          '',
        ].join('\n'),
      },
    ),
    {
      fixture: 'fail-four-spaces.yaml',
      findings: [
        { line: 12, column: 27, endLine: 12, endColumn: 30, messageId: 'unset', messageIncludes: ['Container `api` in StatefulSet `db`'] },
      ],
      fixedFixture: 'fail-four-spaces.fixed.yaml',
    },
  ],
});
