import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setuidBits, specialBits } from '../../../server/src/core/rules/dockerfile/setuid-bits';
import { testRule } from '../../support/rule-tester';

testRule(setuidBits, {
  valid: [
    { fixture: 'pass-modes.Dockerfile', name: 'plain modes, removals, o+s, sticky bit, --reference, variables, echo, COPY --chmod=0755' },
  ],
  invalid: [
    {
      fixture: 'fail-modes.Dockerfile',
      name: 'symbolic and numeric modes, continuation with a comment line, exec form, sudo, sh -c, install -m, ONBUILD, heredoc, COPY --chmod, lowercase',
      findings: [
        { line: 2, column: 11, endLine: 2, endColumn: 14, messageId: 'setuid', messageIncludes: ['`u+s`'], severity: 'info' },
        { line: 2, column: 44, endLine: 2, endColumn: 48, messageId: 'setuid' },
        { line: 4, column: 17, endLine: 4, endColumn: 20, messageId: 'setgid' },
        { line: 5, column: 15, endLine: 5, endColumn: 19, messageId: 'setuid' },
        { line: 6, column: 16, endLine: 6, endColumn: 27, messageId: 'setuid' },
        { line: 6, column: 51, endLine: 6, endColumn: 56, messageId: 'setuid' },
        { line: 7, column: 24, endLine: 7, endColumn: 28, messageId: 'setgid' },
        { line: 9, column: 7, endLine: 9, endColumn: 11, messageId: 'setuid' },
        { line: 11, column: 18, endLine: 11, endColumn: 30, messageId: 'setuid', messageIncludes: ['`--chmod=4755`'] },
      ],
      noFix: true,
    },
    {
      name: 'CRLF and a mode on the next line',
      text: 'FROM debian:12\r\nRUN chmod \\\r\n    6755 /opt/x\r\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 9, messageId: 'setuid' }],
    },
  ],
});

it('dockerfile/setuid-bits reads chmod modes', () => {
  const cases: Record<string, string> = {
    'u+s': 'setuid', 'g+s': 'setgid', '+s': 'setuid', 'a+s': 'setuid', 'o+s': 'none', 'u-s': 'none', 'g=rxs': 'setgid',
    'u+x,g+s': 'setgid', 'ug=rwx,u+s': 'setuid', '4755': 'setuid', '2755': 'setgid', '6755': 'setuid', '1777': 'none',
    '0755': 'none', '755': 'none', '04755': 'setuid', '+t': 'none', 'u+rwx': 'none',
  };
  for (const [mode, expected] of Object.entries(cases)) assert.equal(specialBits(mode), expected, mode);
});
