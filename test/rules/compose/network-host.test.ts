import { networkHost } from '../../../server/src/core/rules/compose/network-host';
import { testRule } from '../../support/rule-tester';

testRule(networkHost, {
  valid: [
    { name: 'not host', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: private\n  db:\n    image: postgres:16.4\n' },
    { name: 'interpolated', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'one of two services; comment kept on the other',
      fileName: 'compose.yaml',
      text: 'services:\n  web:\n    image: nginx:1.27 # front\n  agent:\n    network_mode: host   # for monitoring\n    image: acme/agent:1.0\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 23, messageId: 'host', messageIncludes: ['Service `agent`', '`network_mode: host`'] }],
      fixedText: 'services:\n  web:\n    image: nginx:1.27 # front\n  agent:\n    image: acme/agent:1.0\n',
    },
    {
      name: 'CRLF, last line',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    network_mode: "host"',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 25, messageId: 'host' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1',
    },
    {
      name: 'through a merge: reported at the merge, no fix',
      fileName: 'compose.yaml',
      text: 'x-base: &base\n  network_mode: host\nservices:\n  a:\n    <<: *base\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 14, messageId: 'host', messageIncludes: ['(through its `<<` merge)'] }],
      noFix: true,
    },
  ],
});
