import { cdInsteadOfWorkdir } from '../../../server/src/core/rules/dockerfile/cd-instead-of-workdir';
import { testRule } from '../../support/rule-tester';

testRule(cdInsteadOfWorkdir, {
  valid: [
    { fixture: 'pass-workdir.Dockerfile', name: 'WORKDIR, tools\' -C options, cd in strings and comments, a temporary directory' },
    { name: 'cd as an argument', text: 'FROM debian:12\nRUN echo cd /app && apt-get install -y cd-discid\n' },
  ],
  invalid: [
    {
      fixture: 'fail-cd.Dockerfile',
      name: 'once per RUN: &&, continuation with a comment line, exec form sh -c, sudo neighbour with options and a quoted path, ONBUILD, heredoc, lowercase',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 12, messageId: 'cd', messageIncludes: ['`cd /app`'], severity: 'info' },
        { line: 5, column: 8, endLine: 5, endColumn: 15, messageId: 'cd' },
        { line: 6, column: 19, endLine: 6, endColumn: 26, messageId: 'cd' },
        { line: 7, column: 23, endLine: 7, endColumn: 45, messageId: 'cd', messageIncludes: ['`cd "/srv/my app"`'] },
        { line: 8, column: 13, endLine: 8, endColumn: 20, messageId: 'cd' },
        { line: 11, column: 1, endLine: 11, endColumn: 9, messageId: 'cd' },
      ],
      noFix: true,
    },
    {
      name: 'CRLF; cd without a directory',
      text: 'FROM debian:12\r\nRUN cd && ls\r\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 7, messageId: 'cd' }],
    },
  ],
});
