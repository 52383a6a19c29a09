import { healthcheckMissing } from '../../../server/src/core/rules/dockerfile/healthcheck-missing';
import { testRule } from '../../support/rule-tester';

testRule(healthcheckMissing, {
  valid: [
    { fixture: 'pass-healthchecks.Dockerfile', name: 'HEALTHCHECK inherited from the base stage, continuation' },
    { fixture: 'pass-none-or-build-only.Dockerfile', name: 'final stage starts no program of its own (CMD only in a build stage or ONBUILD)' },
    { name: 'HEALTHCHECK NONE is an explicit choice', text: 'FROM alpine:3.20\nhealthcheck none\nCMD ["/app"]\n' },
    { name: 'no FROM yet (half-typed)', text: 'ARG X=1\n' },
  ],
  invalid: [
    {
      fixture: 'fail-no-healthcheck.Dockerfile',
      name: 'ARG in FROM, HEALTHCHECK only in an unrelated stage or ONBUILD, lowercase CMD',
      findings: [{ line: 6, column: 1, endLine: 6, endColumn: 22, messageId: 'missing', severity: 'info' }],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-inherited.Dockerfile',
      name: 'CRLF, backtick escape, ENTRYPOINT inherited from the base stage',
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 9, messageId: 'missing' }],
      noFix: true,
    },
  ],
});
