import type { ComposeRule } from '../../../server/src/core/rules/define';
import { userMissing } from '../../../server/src/core/rules/compose/user-missing';
import { testRule } from '../../support/rule-tester';

// The rule is opt-in: the per-rule tests run it as if the user had given it a severity.
const enabled: ComposeRule = { ...userMissing, meta: { ...userMissing.meta, optIn: false } };

testRule(enabled, {
  valid: [
    { name: 'user set, directly or through a merge', fileName: 'compose.yaml', text: 'x-u: &u\n  user: "10001"\nservices:\n  a:\n    user: app\n  b:\n    <<: *u\n' },
  ],
  invalid: [
    {
      name: 'one of two services (CRLF)',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n  b:\r\n    user: "1000"\r\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    user: "10001:10001"\r\n  b:\r\n    user: "1000"\r\n',
    },
  ],
});
