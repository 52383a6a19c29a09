import { exposePortInvalid } from '../../../server/src/core/rules/dockerfile/expose-port-invalid';
import { testRule } from '../../support/rule-tester';

testRule(exposePortInvalid, {
  valid: [
    { fixture: 'pass-valid.Dockerfile', name: 'bounds, protocols in any case, empty protocol, quoted, ranges, variables, mappings, ONBUILD' },
    { name: 'EXPOSE with no ports (half-typed)', text: 'FROM alpine:3.20\nEXPOSE\n' },
  ],
  invalid: [
    {
      fixture: 'fail-invalid.Dockerfile',
      name: 'ARG in FROM, lowercase, out of range, bad protocol, reversed range, not a number, quoted, JSON form, continuation in a later stage',
      findings: [
        { line: 3, column: 8, endLine: 3, endColumn: 13, messageId: 'outOfRange', messageIncludes: ['`EXPOSE 80800`'], severity: 'warning' },
        { line: 4, column: 8, endLine: 4, endColumn: 16, messageId: 'protocol', messageIncludes: ['`tpc`'] },
        { line: 5, column: 8, endLine: 5, endColumn: 17, messageId: 'reversed', messageIncludes: ['`9010-9000`'] },
        { line: 5, column: 18, endLine: 5, endColumn: 33, messageId: 'outOfRange' },
        { line: 6, column: 8, endLine: 6, endColumn: 12, messageId: 'notAPort' },
        { line: 6, column: 13, endLine: 6, endColumn: 17, messageId: 'notAPort', messageIncludes: ['`EXPOSE 8o`'] },
        { line: 6, column: 18, endLine: 6, endColumn: 20, messageId: 'notAPort' },
        { line: 7, column: 8, endLine: 7, endColumn: 21, messageId: 'jsonForm', messageIncludes: ['`EXPOSE 80 443`'] },
        { line: 11, column: 5, endLine: 11, endColumn: 15, messageId: 'outOfRange' },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape: a backslash is not a continuation there',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 10, messageId: 'outOfRange' },
        { line: 5, column: 11, endLine: 5, endColumn: 12, messageId: 'notAPort' },
      ],
      noFix: true,
    },
  ],
});
