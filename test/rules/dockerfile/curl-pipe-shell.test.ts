import { curlPipeShell } from '../../../server/src/core/rules/dockerfile/curl-pipe-shell';
import { testRule } from '../../support/rule-tester';

testRule(curlPipeShell, {
  valid: [
    { fixture: 'pass-verified.Dockerfile', name: 'strings, comments, piping into tar, verified downloads, sh -c and script files reading stdin as data, echo of a substitution' },
    { name: 'a download and a shell in different pipelines', text: 'FROM debian:12\nRUN curl -fsSL https://x | tee /tmp/x; echo id | sh\n' },
  ],
  invalid: [
    {
      fixture: 'fail-pipe.Dockerfile',
      name: 'pipes (also through tee, with a comment line, behind sudo), process and command substitution, exec form sh -c, eval, ONBUILD, heredoc, lowercase',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 51, messageId: 'pipe', messageIncludes: ['`curl`', '`sh`'], severity: 'warning' },
        { line: 3, column: 5, endLine: 3, endColumn: 58, messageId: 'pipe', messageIncludes: ['`bash`'] },
        { line: 4, column: 5, endLine: 6, endColumn: 32, messageId: 'pipe', messageIncludes: ['`wget`', '`python3`'] },
        { line: 7, column: 5, endLine: 7, endColumn: 48, messageId: 'substitution' },
        { line: 7, column: 52, endLine: 7, endColumn: 97, messageId: 'substitution', messageIncludes: ['`sh`', '`wget`'] },
        { line: 8, column: 19, endLine: 8, endColumn: 73, messageId: 'pipe' },
        { line: 9, column: 13, endLine: 9, endColumn: 60, messageId: 'substitution', messageIncludes: ['`eval`'] },
        { line: 12, column: 1, endLine: 12, endColumn: 43, messageId: 'pipe', messageIncludes: ['`ruby`'] },
      ],
      noFix: true,
    },
    {
      name: 'CRLF and a continuation',
      text: 'FROM debian:12\r\nRUN curl -fsSL https://example.com/i.sh \\\r\n  | bash\r\n',
      findings: [{ line: 2, column: 5, endLine: 3, endColumn: 9, messageId: 'pipe' }],
    },
  ],
});
