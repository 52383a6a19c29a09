import { workdirSystemDir } from '../../../server/src/core/rules/dockerfile/workdir-system-dir';
import { testRule } from '../../support/rule-tester';

testRule(workdirSystemDir, {
  valid: [
    { fixture: 'pass-app-dirs.Dockerfile', name: 'application dirs, look-alike names, relative to an unknown base, .., variables, Windows, ONBUILD, RUN' },
    { name: 'half-typed WORKDIR', text: 'FROM alpine:3.20\nWORKDIR\n' },
  ],
  invalid: [
    {
      fixture: 'fail-system.Dockerfile',
      name: 'ARG in FROM, lowercase, quoted, trailing slash, relative resolved through the base stage, .., variable after the system dir, continuation',
      findings: [
        { line: 3, column: 9, endLine: 3, endColumn: 14, messageId: 'system', messageIncludes: ['`/proc`'], severity: 'warning' },
        { line: 4, column: 9, endLine: 4, endColumn: 21, messageId: 'system', messageIncludes: ['`/dev`'] },
        { line: 5, column: 9, endLine: 5, endColumn: 20, messageId: 'system', messageIncludes: ['`WORKDIR /boot/efi`'] },
        { line: 6, column: 9, endLine: 6, endColumn: 21, messageId: 'system', messageIncludes: ['`/lost+found`'] },
        { line: 10, column: 9, endLine: 10, endColumn: 19, messageId: 'resolved', messageIncludes: ['`/sys/kernel`'] },
        { line: 11, column: 9, endLine: 11, endColumn: 23, messageId: 'system', messageIncludes: ['`/initrd`'] },
        { line: 12, column: 9, endLine: 12, endColumn: 24, messageId: 'system', messageIncludes: ['`/proc`'] },
        { line: 14, column: 5, endLine: 14, endColumn: 9, messageId: 'system' },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, Windows stage not judged',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 13, messageId: 'system' }],
      noFix: true,
    },
  ],
});
