import { serviceExposed } from '../../../server/src/core/rules/k8s/service-exposed';
import { testRule } from '../../support/rule-tester';

testRule(serviceExposed, {
  valid: [{ fixture: 'pass-internal.yaml' }, { name: 'ExternalName', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n' }],
  invalid: [
    {
      fixture: 'fail-exposed.yaml',
      findings: [
        { line: 6, column: 9, endLine: 6, endColumn: 17, messageId: 'NodePort', severity: 'info', messageIncludes: ['Service `api` is of type `NodePort`'] },
        { line: 19, column: 9, endLine: 19, endColumn: 23, messageId: 'LoadBalancer', severity: 'info', messageIncludes: ['Service `shop`', '`loadBalancerSourceRanges`'] },
      ],
      noFix: true,
    },
  ],
});
