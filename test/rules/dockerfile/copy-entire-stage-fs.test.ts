import { copyEntireStageFs } from '../../../server/src/core/rules/dockerfile/copy-entire-stage-fs';
import { testRule } from '../../support/rule-tester';

testRule(copyEntireStageFs, {
  valid: [
    { fixture: 'pass-paths.Dockerfile', name: 'specific paths, FROM scratch export stages (also inherited), build context, variables, ONBUILD' },
    { name: 'half-typed COPY', text: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a /\nCOPY --from=\n' },
  ],
  invalid: [
    {
      fixture: 'fail-whole-fs.Dockerfile',
      name: 'ARG in FROM, stage names in any case, index, lowercase, continuation, image, exec form',
      findings: [
        { line: 9, column: 19, endLine: 9, endColumn: 20, messageId: 'stage', messageIncludes: ['stage `Build`'], severity: 'info' },
        { line: 10, column: 15, endLine: 10, endColumn: 16, messageId: 'stage', messageIncludes: ['`COPY --from=0 .`'] },
        { line: 12, column: 5, endLine: 12, endColumn: 7, messageId: 'stage', messageIncludes: ['stage `tools`'] },
        { line: 13, column: 26, endLine: 13, endColumn: 28, messageId: 'image', messageIncludes: ['image `busybox:1.36`'] },
        { line: 14, column: 20, endLine: 14, endColumn: 23, messageId: 'stage' },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF, backtick escape, source on a continuation line',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 6, messageId: 'stage', messageIncludes: ['stage `web`'] }],
      noFix: true,
    },
  ],
});
