import { secretFileInImage } from '../../../server/src/core/rules/dockerfile/secret-file-in-image';
import { testRule } from '../../support/rule-tester';

testRule(secretFileInImage, {
  valid: [
    { fixture: 'pass-mounted.Dockerfile', name: 'earlier stages, runtime mounts, copies to /, variables, ARG without default, ONBUILD, other variables' },
    { name: 'no FROM yet (half-typed)', text: 'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/key.json\n' },
  ],
  invalid: [
    {
      fixture: 'fail-copied.Dockerfile',
      name: 'inside a copied directory (relative to WORKDIR), an exact file, a continued ENV, lowercase, copies to the variable',
      findings: [
        { line: 7, column: 5, endLine: 7, endColumn: 61, messageId: 'copied', messageIncludes: ['`GOOGLE_APPLICATION_CREDENTIALS`', 'line 6'], severity: 'error' },
        { line: 9, column: 5, endLine: 9, endColumn: 55, messageId: 'copied', messageIncludes: ['line 8'] },
        { line: 10, column: 5, endLine: 10, endColumn: 41, messageId: 'copied' },
        { line: 11, column: 14, endLine: 11, endColumn: 45, messageId: 'destination' },
        { line: 12, column: 12, endLine: 12, endColumn: 30, messageId: 'destination', messageIncludes: ['`$AWS_CONFIG_FILE`'] },
      ],
      noFix: true,
    },
    {
      name: 'CRLF; a WORKDIR inherited from the stage it is built from',
      text: 'FROM python:3.12 AS base\r\nWORKDIR /srv\r\nFROM base\r\nCOPY secrets secrets\r\nARG AWS_CONFIG_FILE=/srv/secrets/aws\r\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 37, messageId: 'copied' }],
    },
  ],
});
