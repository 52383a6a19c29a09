/**
 * Rule messages quote the user's files; a credential in a URL is masked wherever a rule quotes it
 * (server/src/core/engine/messages.ts), so it never reaches the Problems panel, logs or reports.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_RULE_SET } from '../../server/src/core/index';
import { formatMessage, maskUrlPasswords } from '../../server/src/core/engine/messages';

const token = `${'ghp'}_${'x1Y2'.repeat(9)}`;

describe('credentials in URLs are masked in messages', () => {
  it('masks passwords and token user names, keeps names, hosts and variable references', () => {
    const cases: [string, string][] = [
      ['https://deploy:hunter2@downloads.example.com/tool.tgz', 'https://deploy:****@downloads.example.com/tool.tgz'],
      ['postgres://app:p@ss@db:5432/app', 'postgres://app:****@db:5432/app'],
      ['https://:tok3n@host/x', 'https://:****@host/x'],
      [`https://${token}@github.com/acme/tool.git`, 'https://****@github.com/acme/tool.git'],
      ['two: git://a:b@c/x and https://d:e@f/y', 'two: git://a:****@c/x and https://d:****@f/y'],
      ['postgres://app:${DB_PASSWORD}@db/app', 'postgres://app:${DB_PASSWORD}@db/app'],
      ['postgres://app:$DB_PASSWORD@db/app', 'postgres://app:$DB_PASSWORD@db/app'],
      ['https://user@host/x', 'https://user@host/x'],
      ['ssh://git@github.com/acme/tool', 'ssh://git@github.com/acme/tool'],
      ['http://host:8080/path?q=a@b', 'http://host:8080/path?q=a@b'],
      ['nginx:1.27 and user@example.com', 'nginx:1.27 and user@example.com'],
    ];
    for (const [text, masked] of cases) assert.equal(maskUrlPasswords(text), masked, text);
  });

  it('applies to every placeholder value, not to the template', () => {
    assert.equal(formatMessage('`ADD {source}` at https://a:b@c', { source: 'https://u:pw@h/x' }), '`ADD https://u:****@h/x` at https://a:b@c');
  });

  it('a rule quoting a URL (dockerfile/add-remote-url) does not echo its password', () => {
    const password = `Add-url-${'pass'}-4417`;
    const { findings } = analyze({ fileName: 'Dockerfile', text: `FROM alpine:3.20\nADD https://deploy:${password}@downloads.example.com/tool.tgz /opt/\n` }, { rules: DEFAULT_RULE_SET });
    const finding = findings.find((candidate) => candidate.ruleId === 'dockerfile/add-remote-url');
    assert.ok(finding);
    assert.ok(!finding.message.includes(password), finding.message);
    assert.match(finding.message, /https:\/\/deploy:\*\*\*\*@downloads\.example\.com\/tool\.tgz/);
  });
});
