import { copyFromSelf } from '../../../server/src/core/rules/dockerfile/copy-from-self';
import { testRule } from '../../support/rule-tester';

testRule(copyFromSelf, {
  valid: [
    { fixture: 'pass-other-stages.Dockerfile', name: 'earlier stages by name and index, mounts, image with the stage name, ONBUILD, variables' },
    { name: 'COPY before any FROM is not judged', text: 'COPY --from=0 /a /b\nFROM alpine:3.20\n' },
  ],
  invalid: [
    {
      fixture: 'fail-self.Dockerfile',
      name: 'ARG in FROM, name in another case, own index, lowercase, RUN --mount=from, flag on a continuation line',
      findings: [
        { line: 4, column: 13, endLine: 4, endColumn: 18, messageId: 'copy', messageIncludes: ['`Build`'], severity: 'warning' },
        { line: 5, column: 13, endLine: 5, endColumn: 14, messageId: 'copy' },
        { line: 8, column: 28, endLine: 8, endColumn: 33, messageId: 'mount' },
        { line: 10, column: 12, endLine: 10, endColumn: 13, messageId: 'copy', messageIncludes: ['`final`'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape',
      findings: [{ line: 4, column: 12, endLine: 4, endColumn: 16, messageId: 'copy' }],
      noFix: true,
    },
  ],
});
