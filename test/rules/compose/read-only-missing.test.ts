import { readOnlyMissing } from '../../../server/src/core/rules/compose/read-only-missing';
import { testRule } from '../../support/rule-tester';

testRule(readOnlyMissing, {
  valid: [
    { name: 'read_only: true, interpolated, or through a merge', fileName: 'compose.yaml', text: 'x-h: &h\n  read_only: true\nservices:\n  a:\n    read_only: true\n  b:\n    read_only: ${RO:-true}\n  c:\n    <<: *h\n' },
  ],
  invalid: [
    {
      name: 'missing and false; comments kept',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1 # app\n  b:\n    image: acme/b:1\n    read_only: false # writes /var/cache\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'warning' },
        { line: 6, column: 5, endLine: 6, endColumn: 21, messageId: 'disabled', messageIncludes: ['`read_only: false`'] },
      ],
      fixedText: 'services:\n  a:\n    image: acme/a:1 # app\n    read_only: true\n  b:\n    image: acme/b:1\n    read_only: true # writes /var/cache\n',
    },
    {
      name: 'CRLF',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    read_only: true\r\n',
    },
  ],
});
