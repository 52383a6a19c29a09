import { stageAliasDuplicate } from '../../../server/src/core/rules/dockerfile/stage-alias-duplicate';
import { testRule } from '../../support/rule-tester';

testRule(stageAliasDuplicate, {
  valid: [
    { fixture: 'pass-unique.Dockerfile', name: 'unique names, unnamed stages with the same image' },
    { name: 'half-typed FROM … AS', text: 'FROM alpine:3.20 AS\nFROM alpine:3.20 AS\n' },
  ],
  invalid: [
    {
      fixture: 'fail-duplicates.Dockerfile',
      name: 'ARG in FROM, lowercase from/as, names compared without case, each later duplicate reported',
      findings: [
        { line: 5, column: 17, endLine: 5, endColumn: 22, messageId: 'duplicate', messageIncludes: ['`Build`', 'line 2'], severity: 'warning' },
        { line: 9, column: 21, endLine: 9, endColumn: 26, messageId: 'duplicate', messageIncludes: ['`BUILD`', 'line 2'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, AS on a continuation line',
      findings: [{ line: 5, column: 21, endLine: 5, endColumn: 24, messageId: 'duplicate', messageIncludes: ['line 4'] }],
      noFix: true,
    },
  ],
});
