import { exposeSshPort } from '../../../server/src/core/rules/dockerfile/expose-ssh-port';
import { testRule } from '../../support/rule-tester';

testRule(exposeSshPort, {
  valid: [
    { fixture: 'pass-other-ports.Dockerfile', name: 'other ports, SCTP 22, variables, ranges without 22, mappings, JSON form, invalid ports, RUN/CMD/comments' },
    { name: 'EXPOSE with no ports (half-typed)', text: 'FROM alpine:3.20\nEXPOSE\n' },
  ],
  invalid: [
    {
      fixture: 'fail-ports.Dockerfile',
      name: 'ARG in FROM, multi-stage, lowercase, quoted, ranges, continuation, ONBUILD, only-SSH lines deleted',
      findings: [
        { line: 3, column: 8, endLine: 3, endColumn: 10, messageId: 'port', messageIncludes: ['`EXPOSE 22`'], severity: 'warning' },
        { line: 4, column: 13, endLine: 4, endColumn: 19, messageId: 'port', messageIncludes: ['`EXPOSE 22/tcp`'] },
        { line: 5, column: 8, endLine: 5, endColumn: 16, messageId: 'port', messageIncludes: ['`EXPOSE 22/udp`'] },
        { line: 8, column: 8, endLine: 8, endColumn: 13, messageId: 'range', messageIncludes: ['`EXPOSE 20-25`'] },
        { line: 9, column: 5, endLine: 9, endColumn: 11, messageId: 'port', messageIncludes: ['22/TCP'] },
        { line: 10, column: 8, endLine: 10, endColumn: 17, messageId: 'range' },
        { line: 10, column: 18, endLine: 10, endColumn: 23, messageId: 'range' },
        { line: 11, column: 16, endLine: 11, endColumn: 18, messageId: 'port' },
        { line: 12, column: 8, endLine: 12, endColumn: 10, messageId: 'port' },
        { line: 12, column: 11, endLine: 12, endColumn: 17, messageId: 'port' },
      ],
      fixedFixture: 'fail-ports.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, port on a continuation line',
      findings: [
        { line: 4, column: 5, endLine: 4, endColumn: 7, messageId: 'port' },
        { line: 6, column: 5, endLine: 6, endColumn: 11, messageId: 'port' },
      ],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
    {
      name: 'last line without a newline; a port 22 between others',
      text: 'FROM alpine:3.20\nEXPOSE 80 22 443\nEXPOSE 22',
      findings: [
        { line: 2, column: 11, endLine: 2, endColumn: 13, messageId: 'port' },
        { line: 3, column: 8, endLine: 3, endColumn: 10, messageId: 'port' },
      ],
      fixedText: 'FROM alpine:3.20\nEXPOSE 80 443\n',
    },
  ],
});
