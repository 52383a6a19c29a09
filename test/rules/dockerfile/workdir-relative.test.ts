import { workdirRelative } from '../../../server/src/core/rules/dockerfile/workdir-relative';
import { testRule } from '../../support/rule-tester';

testRule(workdirRelative, {
  valid: [
    { fixture: 'pass-absolute.Dockerfile', name: 'absolute, quoted, variables first, ONBUILD, Windows paths' },
    { name: 'half-typed WORKDIR', text: 'FROM alpine:3.20\nWORKDIR\n' },
  ],
  invalid: [
    {
      fixture: 'fail-relative.Dockerfile',
      name: 'ARG in FROM, unknown base directory, resolved through earlier WORKDIRs and the base stage, lowercase, .., quoted, ~, scratch, continuation, variable',
      findings: [
        { line: 3, column: 9, endLine: 3, endColumn: 12, messageId: 'relative', severity: 'info' },
        { line: 5, column: 9, endLine: 5, endColumn: 13, messageId: 'resolvable', messageIncludes: ['`/srv/src`'] },
        { line: 6, column: 9, endLine: 6, endColumn: 15, messageId: 'resolvable', messageIncludes: ['`/srv/lib`'] },
        { line: 7, column: 9, endLine: 7, endColumn: 17, messageId: 'resolvable', messageIncludes: ['`/srv/lib/my dir`'] },
        { line: 8, column: 9, endLine: 8, endColumn: 16, messageId: 'tilde' },
        { line: 11, column: 9, endLine: 11, endColumn: 13, messageId: 'resolvable', messageIncludes: ['`/srv/lib/my dir/~/cache/dist`'] },
        { line: 14, column: 9, endLine: 14, endColumn: 12, messageId: 'resolvable', messageIncludes: ['`/out`'] },
        { line: 16, column: 5, endLine: 16, endColumn: 8, messageId: 'resolvable', messageIncludes: ['`/out/bin`'] },
        { line: 17, column: 9, endLine: 17, endColumn: 21, messageId: 'joined', messageIncludes: ['`/out/bin`'] },
      ],
      fixedFixture: 'fail-relative.fixed.Dockerfile',
      remainingAfterFix: 5,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, path on a continuation line',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 8, messageId: 'resolvable', messageIncludes: ['`/app/src`'] }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
  ],
});
