import { copyMultiSrcNoSlash } from '../../../server/src/core/rules/dockerfile/copy-multi-src-no-slash';
import { testRule } from '../../support/rule-tester';

testRule(copyMultiSrcNoSlash, {
  valid: [
    { fixture: 'pass-dirs.Dockerfile', name: 'trailing slash, ./ and ., destination ending in a variable, exec form, single source' },
    { name: 'half-typed COPY', text: 'FROM alpine:3.20\nCOPY\nCOPY a\n' },
  ],
  invalid: [
    {
      fixture: 'fail-no-slash.Dockerfile',
      name: 'ARG in FROM, lowercase, flags, quoted, exec form, ADD, wildcards, continuation, heredocs, variable inside',
      findings: [
        { line: 3, column: 37, endLine: 3, endColumn: 41, messageId: 'noSlash', messageIncludes: ['2 sources', '`/app/`'], severity: 'warning' },
        { line: 4, column: 36, endLine: 4, endColumn: 47, messageId: 'noSlash', messageIncludes: ['`/srv/data`'] },
        { line: 5, column: 27, endLine: 5, endColumn: 37, messageId: 'noSlash' },
        { line: 6, column: 21, endLine: 6, endColumn: 30, messageId: 'noSlash', messageIncludes: ['`ADD`'] },
        { line: 8, column: 5, endLine: 8, endColumn: 13, messageId: 'noSlash' },
        { line: 9, column: 20, endLine: 9, endColumn: 31, messageId: 'noSlash' },
        { line: 14, column: 10, endLine: 14, endColumn: 23, messageId: 'noSlash' },
      ],
      fixedFixture: 'fail-no-slash.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, Windows destination with a trailing backslash passes',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 9, messageId: 'noSlash' }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
  ],
});
