import { podUsesDefaultSa } from '../../../server/src/core/rules/k8s/pod-uses-default-sa';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const CONTAINERS = 'containers:\n- name: app\n  image: nginx:1.27\n';

testRule(podUsesDefaultSa, {
  valid: [
    { fixture: 'pass-dedicated.yaml', name: 'serviceAccountName, or the deprecated serviceAccount, names an account' },
    ...validInEveryKind('a dedicated service account', `serviceAccountName: app\n${CONTAINERS}`),
    ...validInEveryKind('serviceAccountName wins over a deprecated default', `serviceAccountName: app\nserviceAccount: default\n${CONTAINERS}`),
  ],
  invalid: [
    ...invalidInEveryKind(
      'serviceAccountName: default',
      `${CONTAINERS}serviceAccountName: default\n`,
      [{ line: 4, column: 21, endLine: 4, endColumn: 28, messageId: 'default', messageIncludes: ['shared `default` service account'], severity: 'info' }],
      { noFix: true },
    ),
    ...invalidInEveryKind(
      // Line 0, column -1 is the pod spec's own `spec:` key, just above the snippet.
      'no service account named',
      CONTAINERS,
      [{ line: 0, column: -1, endLine: 0, endColumn: 3, messageId: 'unset', messageIncludes: ['sets no `serviceAccountName`'] }],
      { noFix: true },
    ),
    ...invalidInEveryKind(
      'the deprecated field names default',
      `serviceAccount: default\n${CONTAINERS}`,
      [{ line: 1, column: 17, endLine: 1, endColumn: 24, messageId: 'default' }],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'a quoted default with a comment; an empty name in a flow pod spec; a ServiceAccount is not a pod',
      findings: [
        { line: 13, column: 27, endLine: 13, endColumn: 36, messageId: 'default', messageIncludes: ['Deployment `api`'] },
        { line: 21, column: 1, endLine: 21, endColumn: 5, messageId: 'unset', messageIncludes: ['Pod `probe`'] },
      ],
      noFix: true,
    },
  ],
});
