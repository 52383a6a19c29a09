import { ingressTlsMissing } from '../../../server/src/core/rules/k8s/ingress-tls-missing';
import { testRule } from '../../support/rule-tester';

testRule(ingressTlsMissing, {
  noPeerEquivalents: true,
  valid: [{ fixture: 'pass-tls.yaml' }, { name: 'not an Ingress', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n' }],
  invalid: [
    {
      fixture: 'fail-no-tls.yaml',
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'missing', severity: 'warning', messageIncludes: ['Ingress `shop` has no `spec.tls`'] },
        { line: 31, column: 1, endLine: 31, endColumn: 5, messageId: 'missing', messageIncludes: ['Ingress `default-only`'] },
      ],
      fixedFixture: 'fail-no-tls.fixed.yaml',
    },
    {
      fixture: 'fail-uncovered.yaml',
      findings: [
        { line: 11, column: 13, endLine: 11, endColumn: 24, messageId: 'uncovered', messageIncludes: ['serves host `example.com` without TLS'] },
        { line: 12, column: 13, endLine: 12, endColumn: 28, messageId: 'uncovered', messageIncludes: ['`a.b.example.com`'] },
      ],
      noFix: true,
    },
    {
      name: 'flow-style spec: reported, no scaffold',
      text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec: {rules: [{host: a.example.com}]}\n',
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'missing' }],
      noFix: true,
    },
  ],
});
