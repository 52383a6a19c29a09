import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../../server/src/core/index';
import { psaLabelMissing } from '../../../server/src/core/rules/k8s/psa-label-missing';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(psaLabelMissing, {
  valid: [
    { fixture: 'pass-enforced.yaml', name: 'restricted and privileged enforced; kube-system exempt; not a Namespace' },
  ],
  invalid: [
    {
      name: 'no labels, no metadata fields beyond the name',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 13, messageId: 'missing', messageIncludes: ['Namespace `shop`'], severity: 'info' }],
      fixedText: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    },
    {
      name: 'only warn and audit labels',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n',
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 13, messageId: 'missing' }],
      fixedText: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n    pod-security.kubernetes.io/enforce: restricted\n',
    },
    {
      fixture: 'fail-crlf.yaml',
      name: 'CRLF, existing labels and comments kept, labels created',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 13, messageId: 'missing', messageIncludes: ['Namespace `shop`'] },
        { line: 12, column: 9, endLine: 12, endColumn: 14, messageId: 'missing', messageIncludes: ['Namespace `batch`'] },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-flow.yaml',
      name: 'flow metadata and labels; an invalid level (no fix); an empty labels key',
      findings: [
        { line: 3, column: 18, endLine: 3, endColumn: 21, messageId: 'missing', messageIncludes: ['Namespace `web`'] },
        { line: 7, column: 18, endLine: 7, endColumn: 22, messageId: 'missing', messageIncludes: ['Namespace `jobs`'] },
        { line: 14, column: 5, endLine: 14, endColumn: 47, messageId: 'invalid', messageIncludes: ['`pod-security.kubernetes.io/enforce: strict`'] },
        { line: 19, column: 9, endLine: 19, endColumn: 14, messageId: 'missing', messageIncludes: ['Namespace `empty`'] },
      ],
      fixedFixture: 'fail-flow.fixed.yaml',
      remainingAfterFix: 1,
    },
  ],
});

it('k8s/psa-label-missing points at a name written as an alias, and the fix adds the label beside the anchor', () => {
  const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    team: &team shop\n  name: *team\n';
  const [finding] = findingsOf(psaLabelMissing, 'manifest.yaml', text);
  assert.equal(text.slice(finding!.range.start, finding!.range.end), '*team');
  assert.equal(applyEdits(text, finding!.fix!.edits), text.replace('&team shop\n', '&team shop\n    pod-security.kubernetes.io/enforce: restricted\n'));
});
