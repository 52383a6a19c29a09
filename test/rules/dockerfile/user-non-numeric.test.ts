import { userNonNumeric } from '../../../server/src/core/rules/dockerfile/user-non-numeric';
import { testRule } from '../../support/rule-tester';

testRule(userNonNumeric, {
  valid: [
    { fixture: 'pass-numeric.Dockerfile', name: 'names only in a build stage or before the last USER; numeric user with a named group' },
    { fixture: 'pass-variables.Dockerfile', name: 'users given by build arguments' },
    { name: 'root is dockerfile/user-root\'s business', text: 'FROM alpine:3.20\nUSER root\n' },
    { name: 'no USER at all', text: 'FROM alpine:3.20\nCMD ["/app"]\n' },
  ],
  invalid: [
    {
      fixture: 'fail-name.Dockerfile',
      name: 'ARG in FROM, lowercase, inherited from the base stage',
      findings: [{ line: 4, column: 6, endLine: 4, endColumn: 9, messageId: 'name', messageIncludes: ['`USER app`'], severity: 'info' }],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, quoted user:group on a continuation line',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 24, messageId: 'name', messageIncludes: ['`USER www-data:www-data`'] }],
      noFix: true,
    },
  ],
});
