import { addInsteadOfCopy } from '../../../server/src/core/rules/dockerfile/add-instead-of-copy';
import { testRule } from '../../support/rule-tester';

testRule(addInsteadOfCopy, {
  valid: [
    { fixture: 'pass-archives-and-remote.Dockerfile', name: 'archives, URLs, git sources, variables, heredoc content, COPY' },
    { name: 'half-typed ADD', text: 'FROM alpine:3.20\nADD\nADD onlyone\n' },
  ],
  invalid: [
    {
      fixture: 'fail-local.Dockerfile',
      name: 'keyword case kept, COPY flags kept, exec form, mixed archive, ADD-only flag, ONBUILD',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, messageId: 'local', messageIncludes: ['`package.json`, `package-lock.json`'] },
        { line: 3, column: 1, endLine: 3, endColumn: 4, messageId: 'local', messageIncludes: ['`src/`'] },
        { line: 4, column: 1, endLine: 4, endColumn: 4, messageId: 'local', messageIncludes: ['`my file.txt`'] },
        { line: 5, column: 1, endLine: 5, endColumn: 4, messageId: 'mixed', messageIncludes: ['`config.yaml`'] },
        { line: 6, column: 1, endLine: 6, endColumn: 4, messageId: 'local' },
        { line: 7, column: 9, endLine: 7, endColumn: 12, messageId: 'local' },
      ],
      fixedFixture: 'fail-local.fixed.Dockerfile',
      remainingAfterFix: 2,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, sources on continuation lines',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 4, messageId: 'local' }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
    {
      name: 'multi-stage: every stage, comment line inside a continuation',
      text: 'FROM alpine:3.20 AS a\nADD a.txt \\\n# the target\n  /a/\nFROM a\nADD --exclude=*.md docs /docs\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, messageId: 'local' },
        { line: 6, column: 1, endLine: 6, endColumn: 4, messageId: 'local' },
      ],
      fixedText: 'FROM alpine:3.20 AS a\nCOPY a.txt \\\n# the target\n  /a/\nFROM a\nCOPY --exclude=*.md docs /docs\n',
    },
  ],
});
