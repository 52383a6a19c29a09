import { multipleHealthcheck } from '../../../server/src/core/rules/dockerfile/multiple-healthcheck';
import { testRule } from '../../support/rule-tester';

testRule(multipleHealthcheck, {
  valid: [
    { fixture: 'pass-one-per-stage.Dockerfile', name: 'one per stage (a derived stage may override), ONBUILD not counted' },
  ],
  invalid: [
    {
      fixture: 'fail-multiple.Dockerfile',
      name: 'ARG in FROM, lowercase, continuation, NONE counts, per stage, ONBUILD not counted',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 52, messageId: 'ineffective', messageIncludes: ['line 6'], severity: 'info' },
        { line: 4, column: 1, endLine: 5, endColumn: 50, messageId: 'ineffective', messageIncludes: ['line 6'] },
        { line: 9, column: 1, endLine: 9, endColumn: 21, messageId: 'ineffective', messageIncludes: ['line 11'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape',
      findings: [{ line: 3, column: 1, endLine: 4, endColumn: 13, messageId: 'ineffective', messageIncludes: ['line 5'] }],
      noFix: true,
    },
  ],
});
