import { portAllInterfaces } from '../../../server/src/core/rules/compose/port-all-interfaces';
import { testRule } from '../../support/rule-tester';

testRule(portAllInterfaces, {
  valid: [
    { name: 'bound to an interface, interpolated, or none', fileName: 'compose.yaml', text: 'services:\n  a:\n    ports: ["127.0.0.1:80:80", "[::1]:81:81", "${BIND}:82:82"]\n  b:\n    ports:\n      - target: 80\n        host_ip: 10.0.0.5\n  c:\n    expose: ["80"]\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'quoted, plain number, range with protocol, long syntax, explicit 0.0.0.0; the other service untouched',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 20, messageId: 'unbound', messageIncludes: ['Service `db`', '`5432:5432`', '"127.0.0.1:5432:5432"'], severity: 'info' },
        { line: 7, column: 9, endLine: 7, endColumn: 13, messageId: 'unbound', messageIncludes: ['"127.0.0.1::9187"'] },
        { line: 8, column: 9, endLine: 8, endColumn: 34, messageId: 'unbound' },
        { line: 9, column: 9, endLine: 10, endColumn: 24, messageId: 'unbound', messageIncludes: ['`9000:9000`'] },
        { line: 11, column: 9, endLine: 11, endColumn: 26, messageId: 'explicit', messageIncludes: ['`0.0.0.0`'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
      remainingAfterFix: 1,
    },
  ],
});
