import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pipefailMissing } from '../../../server/src/core/rules/dockerfile/pipefail-missing';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(pipefailMissing, {
  valid: [
    { fixture: 'pass-pipefail.Dockerfile', name: 'SHELL with -eo pipefail (also inherited), set -euo pipefail, ||, exec form, ONBUILD, pwsh, Windows' },
    { name: 'no pipe at all', text: 'FROM debian:12\nRUN echo "a | b" && true || false\n' },
  ],
  invalid: [
    {
      fixture: 'fail-debian.Dockerfile',
      name: 'bash and ash images, continuation with a comment line, pipe in a substitution, set -o pipefail after the pipe, lowercase',
      findings: [
        { line: 3, column: 5, endLine: 5, endColumn: 22, messageId: 'missing', messageIncludes: ['`curl`', '`tar`', '/bin/bash'], severity: 'info' },
        { line: 6, column: 15, endLine: 6, endColumn: 64, messageId: 'missing', messageIncludes: ['`jq`'] },
        { line: 9, column: 5, endLine: 9, endColumn: 49, messageId: 'missing', messageIncludes: ['/bin/ash'] },
        { line: 10, column: 5, endLine: 10, endColumn: 26, messageId: 'missing', messageIncludes: ['`echo`', '`tee`'] },
      ],
      fixedFixture: 'fail-debian.fixed.Dockerfile',
    },
    {
      fixture: 'fail-shell-without-pipefail.Dockerfile',
      name: 'a bash SHELL without pipefail gets the option; heredoc script',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 46, messageId: 'missing' },
        { line: 5, column: 1, endLine: 5, endColumn: 42, messageId: 'missing' },
      ],
      fixedFixture: 'fail-shell-without-pipefail.fixed.Dockerfile',
    },
    {
      name: 'CRLF; a later SHELL without pipefail starts a new fix group',
      text: 'FROM fedora:40\r\nRUN a | b\r\nSHELL ["/bin/sh", "-c"]\r\nRUN c | d\r\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 10, messageId: 'missing' },
        { line: 4, column: 5, endLine: 4, endColumn: 10, messageId: 'missing' },
      ],
      fixedText: 'FROM fedora:40\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nRUN a | b\r\nSHELL ["/bin/sh", "-c"]\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nRUN c | d\r\n',
    },
    {
      name: 'no fix where no shell with pipefail is known: distroless, unresolved image',
      text: 'ARG BASE\nFROM ${BASE}\nRUN a | b\nFROM gcr.io/distroless/base-debian12\nRUN c | d\n',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 10, messageId: 'missing' },
        { line: 5, column: 5, endLine: 5, endColumn: 10, messageId: 'missing' },
      ],
      noFix: true,
    },
  ],
});

it('dockerfile/pipefail-missing fixes are suggestions, never safe', () => {
  const findings = findingsOf(pipefailMissing, 'Dockerfile', 'FROM debian:12\nRUN a | b\n');
  assert.deepEqual(findings.map((finding) => finding.fix?.safe), [false]);
});
