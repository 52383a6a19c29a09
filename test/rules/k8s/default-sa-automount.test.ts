import { defaultSaAutomount } from '../../../server/src/core/rules/k8s/default-sa-automount';
import { testRule } from '../../support/rule-tester';

testRule(defaultSaAutomount, {
  valid: [
    { fixture: 'pass-opted-out.yaml', name: 'default opts out; other accounts; a Pod named default' },
  ],
  invalid: [
    {
      name: 'no namespace',
      text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n',
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 16, messageId: 'unset', messageIncludes: ['ServiceAccount `default` does not set'], severity: 'info' }],
      fixedText: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 16, messageId: 'unset', messageIncludes: ['in namespace `shop`'] }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-list.yaml',
      name: 'List items, block and flow, explicit true with a comment',
      findings: [
        { line: 7, column: 3, endLine: 7, endColumn: 37, messageId: 'enabled', messageIncludes: ['in namespace `payments`', '`automountServiceAccountToken: true`'] },
        { line: 8, column: 59, endLine: 8, endColumn: 66, messageId: 'unset', messageIncludes: ['in namespace `batch`'] },
      ],
      fixedFixture: 'fail-list.fixed.yaml',
    },
  ],
});
