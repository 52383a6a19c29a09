import { selinuxDisabled } from '../../../server/src/core/rules/compose/selinux-disabled';
import { testRule } from '../../support/rule-tester';

testRule(selinuxDisabled, {
  valid: [
    { name: 'other options', fileName: 'compose.yaml', text: 'services:\n  a:\n    security_opt:\n      - no-new-privileges:true\n      - label:type:svirt_apache_t\n' },
  ],
  invalid: [
    {
      name: 'block list entry among others; the other service is untouched; comments kept',
      fileName: 'compose.yaml',
      text: 'services:\n  web:\n    image: nginx:1.27 # front\n    security_opt: [no-new-privileges:true]\n  debug:\n    image: acme/debug:1.0\n    security_opt:\n      - no-new-privileges:true\n      - label:disable # for strace\n',
      findings: [{ line: 9, column: 9, endLine: 9, endColumn: 22, messageId: 'unconfined', messageIncludes: ['Service `debug`', '`label:disable`'], severity: 'error' }],
      fixedText: 'services:\n  web:\n    image: nginx:1.27 # front\n    security_opt: [no-new-privileges:true]\n  debug:\n    image: acme/debug:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
    {
      name: 'the only entry, with =, in a flow list: the key goes (CRLF)',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    security_opt: ["label=disable"]\r\n    image: acme/a:1\r\n',
      findings: [{ line: 3, column: 20, endLine: 3, endColumn: 35, messageId: 'unconfined' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n',
    },
    {
      name: 'through a merge',
      fileName: 'compose.yaml',
      text: 'x-o: &o\n  security_opt: [label:disable]\nservices:\n  a:\n    <<: *o\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 11, messageId: 'unconfined' }],
      noFix: true,
    },
  ],
});
