import assert from 'node:assert/strict';
import { it } from 'node:test';
import { maintainerDeprecated } from '../../../server/src/core/rules/dockerfile/maintainer-deprecated';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(maintainerDeprecated, {
  valid: [
    { name: 'LABEL maintainer', text: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\nRUN echo MAINTAINER\n' },
  ],
  invalid: [
    {
      fixture: 'fail-maintainer.Dockerfile',
      name: 'ARG in FROM, keyword case kept, outer quotes dropped, quotes/$/escape escaped, ONBUILD, continuation (suggestion), empty (no fix)',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 11, messageId: 'deprecated', severity: 'info' },
        { line: 4, column: 1, endLine: 4, endColumn: 11, messageId: 'deprecated' },
        { line: 5, column: 1, endLine: 5, endColumn: 11, messageId: 'deprecated' },
        { line: 8, column: 9, endLine: 8, endColumn: 19, messageId: 'deprecated' },
        { line: 9, column: 1, endLine: 9, endColumn: 11, messageId: 'deprecated' },
        { line: 11, column: 1, endLine: 11, endColumn: 11, messageId: 'deprecated' },
      ],
      fixedFixture: 'fail-maintainer.fixed.Dockerfile',
      remainingAfterFix: 1,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape: backslashes literal, backtick escaped',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 11, messageId: 'deprecated' }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
  ],
});

it('dockerfile/maintainer-deprecated: the fix of a MAINTAINER over several lines is a suggestion (spacing may change)', () => {
  const [oneLine, continued] = findingsOf(maintainerDeprecated, 'Dockerfile', 'FROM alpine:3.20\nMAINTAINER Jane Doe\nMAINTAINER Jane \\\n  Doe\n');
  assert.equal(oneLine?.fix?.safe, true);
  assert.equal(continued?.fix?.safe, false);
});
