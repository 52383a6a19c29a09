import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configmapSecrets } from '../../../server/src/core/rules/k8s/configmap-secrets';
import { findingsOf, loadSample, testRule } from '../../support/rule-tester';

testRule(configmapSecrets, {
  valid: [
    { fixture: 'pass-plain-config.yaml' },
    { name: 'binaryData is not judged', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbinaryData:\n  password: aHVudGVyMg==\n' },
    { name: 'no data', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
  ],
  invalid: [
    {
      fixture: 'fail-config.yaml',
      findings: [
        { line: 8, column: 3, endLine: 8, endColumn: 14, messageId: 'key', severity: 'error', messageIncludes: ['ConfigMap `api` stores `DB_PASSWORD`', 'a password-like value'] },
        { line: 9, column: 3, endLine: 9, endColumn: 15, messageId: 'embedded', messageIncludes: ['key `settings.env` contains secret settings (`API_TOKEN`, `SMTP_PASSWORD`)'] },
        { line: 13, column: 3, endLine: 13, endColumn: 14, messageId: 'embedded', messageIncludes: ['(`clientSecret`)'] },
        { line: 14, column: 3, endLine: 14, endColumn: 15, messageId: 'credential', messageIncludes: ['stores a connection string with a password in `DATABASE_URL`'] },
      ],
      noFix: true,
    },
  ],
});

describe('k8s/configmap-secrets never echoes a value', () => {
  it('names keys and settings only', () => {
    const { text } = loadSample(configmapSecrets, { fixture: 'fail-config.yaml' });
    for (const finding of findingsOf(configmapSecrets, 'cm.yaml', text)) {
      for (const secret of ['hunter2', 'tok-1234567890', 'mail-pass', 'c2VjcmV0LXZhbHVl', 's3cr3t-pw']) assert.ok(!finding.message.includes(secret), finding.message);
    }
  });
});
