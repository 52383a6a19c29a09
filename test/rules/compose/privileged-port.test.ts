import { privilegedPort } from '../../../server/src/core/rules/compose/privileged-port';
import { testRule } from '../../support/rule-tester';

testRule(privilegedPort, {
  valid: [
    { name: 'high ports, interpolation', fileName: 'compose.yaml', text: 'services:\n  a:\n    ports: ["127.0.0.1:8080:8080", "${PORT}:9090", "3000"]\n    image: acme/a:1\n' },
    { name: 'NET_BIND_SERVICE dropped', fileName: 'compose.yaml', text: 'services:\n  a:\n    cap_drop: [NET_BIND_SERVICE]\n    ports: ["80:80"]\n' },
  ],
  invalid: [
    {
      name: 'host port, container port, range, long syntax',
      fileName: 'compose.yaml',
      text: 'services:\n  web:\n    ports:\n      - "80:8080"\n      - 127.0.0.1:8443:443\n      - "1000-1030:2000-2030"\n      - target: 22\n        published: 2222\n',
      findings: [
        { line: 4, column: 9, endLine: 4, endColumn: 18, messageId: 'host', messageIncludes: ['Service `web`', 'host port 80', '`80:8080`'], severity: 'info' },
        { line: 5, column: 9, endLine: 5, endColumn: 27, messageId: 'container', messageIncludes: ['container port 443'] },
        { line: 6, column: 9, endLine: 6, endColumn: 30, messageId: 'host', messageIncludes: ['host port 1000'] },
        { line: 7, column: 9, endLine: 8, endColumn: 24, messageId: 'container', messageIncludes: ['container port 22', '`2222:22`'] },
      ],
      noFix: true,
    },
  ],
});
