import { capAddDangerous } from '../../../server/src/core/rules/compose/cap-add-dangerous';
import { testRule } from '../../support/rule-tester';

testRule(capAddDangerous, {
  valid: [
    { name: 'harmless capabilities only', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n    cap_drop: [ALL]\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'block and flow lists, CAP_ prefix, lower case; the only entry removes the key',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, messageId: 'dangerous', messageIncludes: ['Service `vpn`', '`NET_ADMIN`'], severity: 'error' },
        { line: 7, column: 9, endLine: 7, endColumn: 23, messageId: 'dangerous', messageIncludes: ['`CAP_SYS_MODULE`'] },
        { line: 10, column: 15, endLine: 10, endColumn: 25, messageId: 'dangerous', messageIncludes: ['Service `debug`'] },
        { line: 13, column: 35, endLine: 13, endColumn: 40, messageId: 'dangerous', messageIncludes: ['`all`'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
    },
    {
      name: 'from an x- extension through a merge',
      fileName: 'compose.yaml',
      text: 'x-caps: &caps\n  cap_add: [SYS_ADMIN]\nservices:\n  a:\n    <<: *caps\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 14, messageId: 'dangerous' }],
      noFix: true,
    },
    {
      name: 'a list written as an alias: reported at the alias, not fixed (the list is shared)',
      fileName: 'compose.yaml',
      text: 'x-caps: &caps [SYS_ADMIN]\nservices:\n  a:\n    cap_add: *caps\n',
      findings: [{ line: 4, column: 14, endLine: 4, endColumn: 19, messageId: 'dangerous' }],
      noFix: true,
    },
  ],
});
