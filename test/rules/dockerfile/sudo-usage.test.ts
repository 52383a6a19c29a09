import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sudoUsage } from '../../../server/src/core/rules/dockerfile/sudo-usage';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(sudoUsage, {
  valid: [
    { fixture: 'pass-no-sudo.Dockerfile', name: 'sudo as a package name, an argument, in strings, in CMD' },
    { name: 'a variable named sudo', text: 'FROM alpine:3.20\nRUN SUDO=1 make && echo $SUDO\n' },
    { name: 'RUN before any FROM is not judged', text: 'RUN sudo ls\n' },
    { name: 'a python heredoc is not shell', text: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nsudo = 1\nEOF\n' },
  ],
  invalid: [
    {
      fixture: 'fail-root.Dockerfile',
      name: 'root by default: &&, continuation with a comment line, pipe, exec form, sh -c, env wrapper, heredoc',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, messageId: 'root' },
        { line: 4, column: 5, endLine: 4, endColumn: 9, messageId: 'root' },
        { line: 5, column: 6, endLine: 5, endColumn: 12, messageId: 'root' },
        { line: 6, column: 12, endLine: 6, endColumn: 16, messageId: 'root' },
        { line: 6, column: 67, endLine: 6, endColumn: 71, messageId: 'root' },
        { line: 9, column: 1, endLine: 9, endColumn: 5, messageId: 'root' },
      ],
      fixedFixture: 'fail-root.fixed.Dockerfile',
    },
    {
      fixture: 'fail-non-root.Dockerfile',
      name: 'inherited non-root USER, sudo -u, sudo with no command, ONBUILD',
      findings: [
        { line: 5, column: 5, endLine: 5, endColumn: 9, messageId: 'nonRoot', messageIncludes: ['`node`', '`USER root`'] },
        { line: 7, column: 5, endLine: 7, endColumn: 9, messageId: 'root' },
        { line: 7, column: 28, endLine: 7, endColumn: 32, messageId: 'root' },
        { line: 8, column: 13, endLine: 8, endColumn: 17, messageId: 'onbuild' },
      ],
      fixedFixture: 'fail-non-root.fixed.Dockerfile',
      remainingAfterFix: 2,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, options on the next line',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 9, messageId: 'root' }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
    {
      name: 'sudo around sh -c with sudo inside; /usr/bin/sudo behind time',
      text: "FROM alpine:3.20\nUSER 0\nRUN sudo sh -c 'sudo id' && time /usr/bin/sudo ls\n",
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 9, messageId: 'root' },
        { line: 3, column: 17, endLine: 3, endColumn: 21, messageId: 'root' },
        { line: 3, column: 34, endLine: 3, endColumn: 47, messageId: 'root' },
      ],
      fixedText: "FROM alpine:3.20\nUSER 0\nRUN sh -c 'id' && time ls\n",
    },
    {
      name: 'a script in an escaped string: found, but no exact place to edit',
      text: 'FROM alpine:3.20\nRUN ["sh", "-c", "echo \\"hi\\" && sudo id"]\n',
      findings: [{ line: 2, column: 18, endLine: 2, endColumn: 42, messageId: 'root' }],
      noFix: true,
    },
    {
      name: 'a user from an unset build argument',
      text: 'FROM alpine:3.20\nARG APP_USER\nUSER ${APP_USER}\nRUN sudo ls\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 9, messageId: 'nonRoot', messageIncludes: ['`${APP_USER}`'] }],
    },
  ],
});

it('dockerfile/sudo-usage fixes are safe only where the step runs as root', () => {
  const text = 'FROM alpine:3.20\nRUN sudo ls\nUSER app\nRUN sudo ls\nUSER root\nONBUILD RUN sudo ls\n';
  const fixes = findingsOf(sudoUsage, 'Dockerfile', text).map((finding) => finding.fix?.safe);
  assert.deepEqual(fixes, [true, false, false]);
});
