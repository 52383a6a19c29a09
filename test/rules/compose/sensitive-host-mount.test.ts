import { sensitiveHostMount } from '../../../server/src/core/rules/compose/sensitive-host-mount';
import { testRule } from '../../support/rule-tester';

testRule(sensitiveHostMount, {
  valid: [
    { fixture: 'compose.pass.yaml', name: 'project paths, named volumes, look-alike paths, ${VAR} sources, the runtime socket (its own rule)' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'root, /etc, read-only /home, long syntax /var, a named volume binding /etc, a mode with options',
      findings: [
        { line: 7, column: 9, endLine: 7, endColumn: 16, messageId: 'writable', messageIncludes: ['Service `backup`', 'the root file system'], severity: 'error' },
        { line: 8, column: 9, endLine: 8, endColumn: 28, messageId: 'writable', messageIncludes: ['`/etc`'] },
        { line: 9, column: 9, endLine: 9, endColumn: 40, messageId: 'readOnly', messageIncludes: ['`/home/deploy/.ssh`'], severity: 'warning' },
        { line: 10, column: 9, endLine: 12, endColumn: 23, messageId: 'writable', messageIncludes: ['`/var/lib/mysql`'] },
        { line: 13, column: 9, endLine: 13, endColumn: 22, messageId: 'namedVolume', messageIncludes: ['volume `hostetc`', '`/etc`'] },
        { line: 14, column: 9, endLine: 14, endColumn: 27, messageId: 'writable', messageIncludes: ['`/proc`'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
      remainingAfterFix: 6,
    },
    {
      name: 'CRLF',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    volumes:\r\n      - /var/log:/logs\r\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 23, messageId: 'writable' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    volumes:\r\n      - /var/log:/logs:ro\r\n',
      remainingAfterFix: 1,
    },
  ],
});
