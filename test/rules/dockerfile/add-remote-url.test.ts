import { addRemoteUrl } from '../../../server/src/core/rules/dockerfile/add-remote-url';
import { testRule } from '../../support/rule-tester';

testRule(addRemoteUrl, {
  valid: [
    { fixture: 'pass-verified.Dockerfile', name: '--checksum, Git pinned to a commit or with --checksum, variables, local archives, COPY' },
  ],
  invalid: [
    {
      fixture: 'fail-remote.Dockerfile',
      name: 'HTTP(S) URLs, Git over HTTPS and SSH, JSON form, ONBUILD, a source after a continuation with a comment line, lowercase',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 42, messageId: 'url', severity: 'warning' },
        { line: 3, column: 17, endLine: 3, endColumn: 55, messageId: 'git', messageIncludes: ['#v1.2.0'] },
        { line: 4, column: 5, endLine: 4, endColumn: 32, messageId: 'git' },
        { line: 5, column: 6, endLine: 5, endColumn: 35, messageId: 'url', messageIncludes: ['`ADD https://example.com/a b.txt`'] },
        { line: 6, column: 13, endLine: 6, endColumn: 40, messageId: 'url' },
        { line: 9, column: 5, endLine: 9, endColumn: 41, messageId: 'git' },
      ],
      noFix: true,
    },
    {
      name: 'CRLF',
      text: 'FROM debian:12\r\nADD https://example.com/x.sh /x.sh\r\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 29, messageId: 'url' }],
    },
  ],
});
