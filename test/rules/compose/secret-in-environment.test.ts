import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../../server/src/core/index';
import { secretInEnvironment } from '../../../server/src/core/rules/compose/secret-in-environment';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(secretInEnvironment, {
  valid: [
    { fixture: 'compose.pass.yaml', name: '${VAR} interpolation (also inside a URL), *_FILE paths, switches, placeholders, values from the shell' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'map and list syntax, a connection string and a known token format under any name',
      findings: [
        { line: 9, column: 7, endLine: 9, endColumn: 38, messageId: 'secretName', messageIncludes: ['Service `db`', '`POSTGRES_PASSWORD`', '`${POSTGRES_PASSWORD}`'], severity: 'error' },
        { line: 14, column: 9, endLine: 14, endColumn: 54, messageId: 'knownCredential', messageIncludes: ['a connection string with a password'] },
        { line: 15, column: 9, endLine: 15, endColumn: 72, messageId: 'secretName', messageIncludes: ['`AWS_SECRET_ACCESS_KEY`'] },
        { line: 16, column: 9, endLine: 16, endColumn: 56, messageId: 'knownCredential', messageIncludes: ['a GitHub token'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
    },
    {
      name: 'through a merge: reported at the merge, no fix (CRLF)',
      fileName: 'compose.yaml',
      text: 'x-env: &env\r\n  environment:\r\n    API_TOKEN: abcd1234efgh\r\nservices:\r\n  a:\r\n    <<: *env\r\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 13, messageId: 'secretName' }],
      noFix: true,
    },
  ],
});

it('compose/secret-in-environment never echoes the value', () => {
  const findings = findingsOf(secretInEnvironment, 'compose.yaml', 'services:\n  a:\n    environment:\n      DB_PASSWORD: hunter2-prod\n');
  assert.equal(findings.length, 1);
  assert.ok(!findings[0]!.message.includes('hunter2'));
});

it('compose/secret-in-environment reports and replaces a value written as an alias there, never the anchored node', () => {
  const text = 'x-secrets:\n  db: &db hunter2-prod\nservices:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: *db\n';
  const [finding] = findingsOf(secretInEnvironment, 'compose.yaml', text);
  assert.equal(text.slice(finding!.range.start, finding!.range.end), 'POSTGRES_PASSWORD: *db');
  assert.equal(applyEdits(text, finding!.fix!.edits), text.replace('POSTGRES_PASSWORD: *db', 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'));
});

it('a secret merged into the environment through `<<` is reported at the merge, with no fix (the merged map is shared)', () => {
  const text = 'x-env: &env\n  POSTGRES_PASSWORD: hunter2-prod\nservices:\n  db:\n    image: postgres:16.4\n    environment:\n      <<: *env\n';
  const [finding] = findingsOf(secretInEnvironment, 'compose.yaml', text);
  assert.equal(text.slice(finding!.range.start, finding!.range.end), '<<: *env');
  assert.equal(finding!.fix, undefined);
});

