import { tlsVerifyDisabledDownload } from '../../../server/src/core/rules/dockerfile/tls-verify-disabled-download';
import { testRule } from '../../support/rule-tester';

testRule(tlsVerifyDisabledDownload, {
  valid: [
    { fixture: 'pass-verified.Dockerfile', name: 'flags in comments, echo/printf arguments, option values, other tools, CMD' },
    { name: 'a variable that may hold -k is not judged', text: 'FROM debian:12\nRUN curl $CURL_OPTS https://example.com/\n' },
    { name: 'k after an option taking a value belongs to the value', text: 'FROM debian:12\nRUN curl -sSo k https://example.com/ && curl -uk:pw https://example.com/\n' },
  ],
  invalid: [
    {
      fixture: 'fail-curl-wget.Dockerfile',
      name: 'clusters, long flags, continuation with a comment line, exec form, sudo/env, sh -c, wget -e, ONBUILD, heredoc, lowercase',
      findings: [
        { line: 2, column: 10, endLine: 2, endColumn: 16, messageId: 'curl', messageIncludes: ['`curl -fsSLk`'], severity: 'error' },
        { line: 2, column: 56, endLine: 2, endColumn: 78, messageId: 'wget' },
        { line: 4, column: 13, endLine: 4, endColumn: 23, messageId: 'curl' },
        { line: 5, column: 14, endLine: 5, endColumn: 18, messageId: 'curl' },
        { line: 6, column: 58, endLine: 6, endColumn: 60, messageId: 'curl' },
        { line: 7, column: 17, endLine: 7, endColumn: 20, messageId: 'curl' },
        { line: 7, column: 52, endLine: 7, endColumn: 76, messageId: 'wget', messageIncludes: ['check_certificate=off'] },
        { line: 8, column: 18, endLine: 8, endColumn: 34, messageId: 'curl' },
        { line: 11, column: 6, endLine: 11, endColumn: 28, messageId: 'wget' },
      ],
      fixedFixture: 'fail-curl-wget.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf.Dockerfile',
      name: 'CRLF and a continuation',
      findings: [{ line: 3, column: 10, endLine: 3, endColumn: 16, messageId: 'curl' }],
      fixedFixture: 'fail-crlf.fixed.Dockerfile',
    },
    {
      name: 'a script in an escaped string: found, but no exact place to edit',
      text: 'FROM debian:12\nRUN ["sh", "-c", "echo \\"x\\" && curl -k https://example.com/"]\n',
      findings: [{ line: 2, column: 18, endLine: 2, endColumn: 62, messageId: 'curl' }],
      noFix: true,
    },
  ],
});
