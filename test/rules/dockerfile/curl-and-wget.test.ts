import { curlAndWget } from '../../../server/src/core/rules/dockerfile/curl-and-wget';
import { testRule } from '../../support/rule-tester';

testRule(curlAndWget, {
  valid: [
    { fixture: 'pass-one-tool.Dockerfile', name: 'one tool per stage, package names, strings, ONBUILD, comments' },
    { name: 'RUN before any FROM is not judged', text: 'RUN curl x && wget y\n' },
  ],
  invalid: [
    {
      fixture: 'fail-both.Dockerfile',
      name: 'per stage, first use of the second tool only: later RUN, exec form, sudo, sh -c after a continuation with a comment line, lowercase',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 9, messageId: 'both', messageIncludes: ['`wget`', '`curl` (line 3)'], severity: 'info' },
        { line: 8, column: 10, endLine: 8, endColumn: 14, messageId: 'both', messageIncludes: ['`wget` (line 7)'] },
      ],
      noFix: true,
    },
    {
      name: 'CRLF, both in one RUN',
      text: 'FROM debian:12\r\nRUN wget -q https://x \\\r\n && curl -fsSLO https://y\r\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 9, messageId: 'both' }],
    },
  ],
});
