import { saTokenAutomount } from '../../../server/src/core/rules/k8s/sa-token-automount';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const CONTAINERS = 'containers:\n- name: app\n  image: nginx:1.27\n';

testRule(saTokenAutomount, {
  valid: [
    { fixture: 'pass-opted-out.yaml', name: 'pod spec opts out; a ServiceAccount is not a pod' },
    ...validInEveryKind('automountServiceAccountToken: false', `automountServiceAccountToken: false\n${CONTAINERS}`),
  ],
  invalid: [
    ...invalidInEveryKind(
      'explicitly true',
      `automountServiceAccountToken: true   # needs the API\n${CONTAINERS}`,
      [{ line: 1, column: 1, endLine: 1, endColumn: 35, messageId: 'enabled', messageIncludes: ['`automountServiceAccountToken: true`'], severity: 'info' }],
      { fixed: `automountServiceAccountToken: false   # needs the API\n${CONTAINERS}` },
    ),
    ...invalidInEveryKind(
      // Line 0, column -1 is the pod spec's own `spec:` key, just above the snippet.
      'unset',
      CONTAINERS,
      [{ line: 0, column: -1, endLine: 0, endColumn: 3, messageId: 'unset', messageIncludes: ['does not set `automountServiceAccountToken: false`'] }],
      { fixed: `${CONTAINERS}automountServiceAccountToken: false\n` },
    ),
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 7, column: 5, endLine: 7, endColumn: 9, messageId: 'unset', messageIncludes: ['Job `report`'] }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-flow.yaml',
      name: 'a flow-style pod spec; `yes` is not `false`; two documents',
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'unset', messageIncludes: ['Pod `web`'] },
        { line: 13, column: 5, endLine: 13, endColumn: 38, messageId: 'enabled', messageIncludes: ['PodTemplate `worker`', '`automountServiceAccountToken: yes`'] },
      ],
      fixedFixture: 'fail-flow.fixed.yaml',
    },
  ],
});
