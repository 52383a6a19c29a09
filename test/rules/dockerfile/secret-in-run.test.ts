import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { secretInRun } from '../../../server/src/core/rules/dockerfile/secret-in-run';
import { FIXTURES, findingsOf, testRule } from '../../support/rule-tester';

testRule(secretInRun, {
  valid: [
    { fixture: 'pass-credentials.Dockerfile', name: 'other settings, reads, strings, comments, secret mounts (type anywhere), logins without a secret, package names' },
  ],
  invalid: [
    {
      fixture: 'fail-credentials.Dockerfile',
      name: 'aws, gcloud (exec form), az, doctl (=value, behind sudo, in sh -c), chpasswd (in a pipe, behind sudo in a heredoc), ONBUILD, continuation with a comment line, lowercase',
      findings: [
        { line: 3, column: 23, endLine: 3, endColumn: 40, messageId: 'aws', messageIncludes: ['aws_access_key_id'], severity: 'error' },
        { line: 5, column: 26, endLine: 5, endColumn: 55, messageId: 'aws' },
        { line: 6, column: 24, endLine: 6, endColumn: 50, messageId: 'gcloud' },
        { line: 7, column: 41, endLine: 7, endColumn: 43, messageId: 'az', messageIncludes: ['`az login -p`'] },
        { line: 7, column: 94, endLine: 7, endColumn: 119, messageId: 'doctl', messageIncludes: ['`doctl auth init --access-token`'] },
        { line: 8, column: 27, endLine: 8, endColumn: 35, messageId: 'chpasswd' },
        { line: 8, column: 62, endLine: 8, endColumn: 64, messageId: 'doctl' },
        { line: 9, column: 22, endLine: 9, endColumn: 39, messageId: 'az' },
        { line: 11, column: 22, endLine: 11, endColumn: 30, messageId: 'chpasswd' },
      ],
      noFix: true,
    },
    {
      name: 'CRLF; a mount that is not a secret does not count',
      text: 'FROM debian:12\r\nRUN --mount=type=cache,target=/var/cache/apt \\\r\n    echo "u:p" | chpasswd\r\n',
      findings: [{ line: 3, column: 18, endLine: 3, endColumn: 26, messageId: 'chpasswd' }],
    },
  ],
});

it('dockerfile/secret-in-run never repeats a secret value', () => {
  const text = readFileSync(join(FIXTURES, 'dockerfile/secret-in-run/fail-credentials.Dockerfile'), 'utf8');
  for (const finding of findingsOf(secretInRun, 'Dockerfile', text)) {
    for (const secret of ['s3cr3tValue', 'dop_v1', 'hunter2', 'AZ_PASSWORD', 'TOKEN"']) assert.ok(!finding.message.includes(secret), finding.message);
  }
});
