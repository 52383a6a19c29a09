import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../../server/src/core/index';
import { userRoot } from '../../../server/src/core/rules/compose/user-root';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(userRoot, {
  valid: [
    { name: 'non-root users, interpolation, no user', fileName: 'compose.yaml', text: 'services:\n  a:\n    user: "10001:10001"\n  b:\n    user: app\n  c:\n    user: ${UID}:${GID}\n  d:\n    user: rootless\n  e:\n    image: x:1\n' },
  ],
  invalid: [
    {
      name: 'root, 0, 0:0 and root:group; only the offending services change',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    user: root # why\n  b:\n    user: 0\n  c:\n    user: "0:0"\n  d:\n    user: \'root:staff\'\n  e:\n    user: "1000"\n',
      findings: [
        { line: 3, column: 11, endLine: 3, endColumn: 15, messageId: 'root', messageIncludes: ['Service `a`', '`user: root`'], severity: 'error' },
        { line: 5, column: 11, endLine: 5, endColumn: 12, messageId: 'root', messageIncludes: ['`user: 0`'] },
        { line: 7, column: 11, endLine: 7, endColumn: 16, messageId: 'root' },
        { line: 9, column: 11, endLine: 9, endColumn: 23, messageId: 'root' },
      ],
      fixedText: 'services:\n  a:\n    user: "10001:10001" # why\n  b:\n    user: "10001:10001"\n  c:\n    user: "10001:10001"\n  d:\n    user: "10001:10001"\n  e:\n    user: "1000"\n',
    },
    {
      name: 'through a merge',
      fileName: 'compose.yaml',
      text: 'x-u: &u\n  user: root\nservices:\n  a:\n    <<: *u\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 11, messageId: 'root' }],
      noFix: true,
    },
  ],
});

it('compose/user-root reports and replaces a user written as an alias there, never the anchored node', () => {
  const text = 'x-users: [&admin root]\nservices:\n  app:\n    image: acme/app:1.0\n    user: *admin\n';
  const [finding] = findingsOf(userRoot, 'compose.yaml', text);
  assert.equal(text.slice(finding!.range.start, finding!.range.end), '*admin');
  assert.equal(applyEdits(text, finding!.fix!.edits), text.replace('user: *admin', 'user: "10001:10001"'));
});
