import { copyFromUnknown } from '../../../server/src/core/rules/dockerfile/copy-from-unknown';
import { testRule } from '../../support/rule-tester';

testRule(copyFromUnknown, {
  valid: [
    { fixture: 'pass-known.Dockerfile', name: 'earlier stages in any case and by index, image references, variables, mounts, ONBUILD' },
    { name: 'empty --from (half-typed)', text: 'FROM alpine:3.20\nCOPY --from= /a /b\n' },
  ],
  invalid: [
    {
      fixture: 'fail-unknown.Dockerfile',
      name: 'ARG in FROM, later stage, typo, bare image name, index out of range, RUN --mount=from on continuation lines',
      findings: [
        { line: 3, column: 13, endLine: 3, endColumn: 18, messageId: 'later', messageIncludes: ['line 6'], severity: 'warning' },
        { line: 7, column: 13, endLine: 7, endColumn: 18, messageId: 'unknown', messageIncludes: ['`COPY --from=buidl`', 'image `buidl`'] },
        { line: 8, column: 13, endLine: 8, endColumn: 20, messageId: 'unknown', messageIncludes: ['`busybox:<version>`'] },
        { line: 9, column: 13, endLine: 9, endColumn: 14, messageId: 'badIndex', messageIncludes: ['only 2 stage(s)'] },
        { line: 10, column: 29, endLine: 10, endColumn: 40, messageId: 'unknown', messageIncludes: ['`RUN --mount=from=cache-stage`'] },
        { line: 11, column: 28, endLine: 11, endColumn: 29, messageId: 'badIndex' },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape',
      findings: [{ line: 5, column: 12, endLine: 5, endColumn: 16, messageId: 'unknown' }],
      noFix: true,
    },
  ],
});
