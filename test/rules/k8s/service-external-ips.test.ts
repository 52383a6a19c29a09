import { serviceExternalIps } from '../../../server/src/core/rules/k8s/service-external-ips';
import { testRule } from '../../support/rule-tester';

testRule(serviceExternalIps, {
  valid: [{ fixture: 'pass-no-external-ips.yaml' }, { name: 'not a Service', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec:\n  externalIPs: [1.2.3.4]\n' }],
  invalid: [
    {
      fixture: 'fail-external-ips.yaml',
      findings: [
        { line: 7, column: 3, endLine: 7, endColumn: 14, messageId: 'externalIPs', severity: 'error', messageIncludes: ['Service `api` sets `externalIPs` (2 addresses)', 'CVE-2020-8554'] },
        { line: 17, column: 29, endLine: 17, endColumn: 40, messageId: 'externalIPs', messageIncludes: ['Service `dns`', '(1 address)'] },
      ],
      fixedFixture: 'fail-external-ips.fixed.yaml',
    },
  ],
});
