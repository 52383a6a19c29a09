import { capDropMissing } from '../../../server/src/core/rules/compose/cap-drop-missing';
import { testRule } from '../../support/rule-tester';

testRule(capDropMissing, {
  valid: [
    { name: 'drops ALL', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n    cap_add: [NET_BIND_SERVICE]\n' },
    { name: 'drops all (case-insensitive, as Docker reads it) through a merge', fileName: 'compose.yaml', text: 'x-h: &h\n  cap_drop: [all]\nservices:\n  a:\n    <<: *h\n' },
  ],
  invalid: [
    {
      name: 'two services, one hardened; comments kept',
      fileName: 'docker-compose.yml',
      text: 'services:\n  web:\n    image: nginx:1.27 # front\n  api:\n    image: acme/api:1.0\n    cap_drop: [ALL]\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, messageId: 'missing', messageIncludes: ['Service `web`'], severity: 'info' }],
      fixedText: 'services:\n  web:\n    image: nginx:1.27 # front\n    cap_drop: [ALL]\n  api:\n    image: acme/api:1.0\n    cap_drop: [ALL]\n',
    },
    {
      name: 'drops some: ALL is appended (CRLF)',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    cap_drop:\r\n      - NET_RAW\r\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 13, messageId: 'partial' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    cap_drop:\r\n      - NET_RAW\r\n      - ALL\r\n',
    },
  ],
});
