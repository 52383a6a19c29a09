import { securityOptMissing } from '../../../server/src/core/rules/compose/security-opt-missing';
import { testRule } from '../../support/rule-tester';

testRule(securityOptMissing, {
  valid: [
    { name: 'set directly or through a merge', fileName: 'compose.yaml', text: 'x-h: &h\n  security_opt: [no-new-privileges:true]\nservices:\n  a:\n    security_opt: [no-new-privileges]\n  b:\n    <<: *h\n' },
  ],
  invalid: [
    {
      name: 'one of two services',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1\n  b:\n    security_opt: [no-new-privileges]\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' }],
      noFix: true,
    },
  ],
});
