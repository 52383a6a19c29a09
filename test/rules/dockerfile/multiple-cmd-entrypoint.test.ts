import { multipleCmdEntrypoint } from '../../../server/src/core/rules/dockerfile/multiple-cmd-entrypoint';
import { testRule } from '../../support/rule-tester';

testRule(multipleCmdEntrypoint, {
  valid: [
    { fixture: 'pass-one-each.Dockerfile', name: 'one of each per stage, ONBUILD not counted, HEALTHCHECK CMD is not CMD' },
  ],
  invalid: [
    {
      fixture: 'fail-multiple.Dockerfile',
      name: 'ARG in FROM, lowercase, per stage, ONBUILD not counted, continuation',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 28, messageId: 'ineffective', messageIncludes: ['`CMD`', 'line 5'], severity: 'info' },
        { line: 4, column: 1, endLine: 4, endColumn: 26, messageId: 'ineffective', messageIncludes: ['`ENTRYPOINT`', 'line 6'] },
        { line: 9, column: 1, endLine: 9, endColumn: 10, messageId: 'ineffective', messageIncludes: ['line 11'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, multi-line CMD',
      findings: [{ line: 3, column: 1, endLine: 4, endColumn: 8, messageId: 'ineffective', messageIncludes: ['line 5'] }],
      noFix: true,
    },
  ],
});
