import { healthcheckMissing } from '../../../server/src/core/rules/compose/healthcheck-missing';
import { testRule } from '../../support/rule-tester';

testRule(healthcheckMissing, {
  valid: [
    { name: 'healthcheck set, disabled on purpose, or through a merge', fileName: 'compose.yaml', text: 'x-h: &h\n  healthcheck: {test: ["CMD", "true"]}\nservices:\n  a:\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n  b:\n    healthcheck:\n      disable: true\n  c:\n    <<: *h\n' },
  ],
  invalid: [
    {
      name: 'missing (CRLF)',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    healthcheck: { test: ["CMD", "<health-command>"], interval: 30s, timeout: 5s, retries: 3 }\r\n',
    },
  ],
});
