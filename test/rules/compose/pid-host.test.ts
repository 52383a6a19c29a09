import { pidHost } from '../../../server/src/core/rules/compose/pid-host';
import { testRule } from '../../support/rule-tester';

testRule(pidHost, {
  valid: [
    { name: 'not host', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    pid: private\n  db:\n    image: postgres:16.4\n' },
    { name: 'interpolated', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    pid: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'one of two services; comment kept on the other',
      fileName: 'compose.yaml',
      text: 'services:\n  web:\n    image: nginx:1.27 # front\n  agent:\n    pid: host   # for monitoring\n    image: acme/agent:1.0\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 14, messageId: 'host', messageIncludes: ['Service `agent`', '`pid: host`'] }],
      fixedText: 'services:\n  web:\n    image: nginx:1.27 # front\n  agent:\n    image: acme/agent:1.0\n',
    },
    {
      name: 'CRLF, last line',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    pid: "host"',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 16, messageId: 'host' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1',
    },
    {
      name: 'through a merge: reported at the merge, no fix',
      fileName: 'compose.yaml',
      text: 'x-base: &base\n  pid: host\nservices:\n  a:\n    <<: *base\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 14, messageId: 'host', messageIncludes: ['(through its `<<` merge)'] }],
      noFix: true,
    },
  ],
});
