import { hostNamespaces } from '../../../server/src/core/rules/k8s/host-namespaces';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(hostNamespaces, {
  valid: [
    { fixture: 'pass-isolated.yaml' },
    ...validInEveryKind('false or unset', 'hostNetwork: false\nhostPID: false\ncontainers:\n- name: app\n  image: nginx:1.27\n'),
    { name: 'a Service is not a pod', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  hostNetwork: true\n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'hostNetwork and hostPID',
      'hostNetwork: true    # for the metrics port\nhostPID: true\nhostIPC: false\ncontainers:\n- name: app\n  image: nginx:1.27\n',
      [
        { line: 1, column: 1, endLine: 1, endColumn: 18, messageId: 'hostNetwork', messageIncludes: ['`hostNetwork: true`'] },
        { line: 2, column: 1, endLine: 2, endColumn: 14, messageId: 'hostPID', messageIncludes: ['`hostPID: true`'] },
      ],
      { fixed: 'hostIPC: false\ncontainers:\n- name: app\n  image: nginx:1.27\n' },
    ),
    ...invalidInEveryKind(
      'hostIPC after the containers',
      'containers:\n- name: app\n  image: nginx:1.27\n"hostIPC": true\n',
      [{ line: 4, column: 1, endLine: 4, endColumn: 16, messageId: 'hostIPC' }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\n' },
    ),
    {
      fixture: 'fail-crlf-last-line.yaml',
      findings: [{ line: 9, column: 3, endLine: 9, endColumn: 16, messageId: 'hostPID', messageIncludes: ['Pod `debug`'] }],
      fixedFixture: 'fail-crlf-last-line.fixed.yaml',
    },
    {
      fixture: 'fail-list.yaml',
      findings: [{ line: 12, column: 9, endLine: 12, endColumn: 26, messageId: 'hostNetwork', messageIncludes: ['DaemonSet `exporter`'] }],
      fixedFixture: 'fail-list.fixed.yaml',
    },
  ],
});
