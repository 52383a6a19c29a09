import { networkpolicyNoSelector } from '../../../server/src/core/rules/k8s/networkpolicy-no-selector';
import { testRule } from '../../support/rule-tester';

testRule(networkpolicyNoSelector, {
  valid: [{ fixture: 'pass-policies.yaml' }],
  invalid: [
    {
      fixture: 'fail-no-selector.yaml',
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'missing', severity: 'info', messageIncludes: ['NetworkPolicy `api-ingress` has no `spec.podSelector`', '`podSelector: {}`'] },
        { line: 13, column: 1, endLine: 13, endColumn: 5, messageId: 'missing', messageIncludes: ['NetworkPolicy `empty`'] },
      ],
      noFix: true,
    },
  ],
});
