import { rbacAdmissionWebhooks } from '../../../server/src/core/rules/k8s/rbac-admission-webhooks';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const WEBHOOKS = { apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'], verbs: ['create'] };
const third = role('ClusterRole', [READ_PODS, READ_PODS, WEBHOOKS]);
const anyGroup = role('ClusterRole', [READ_PODS, { apiGroups: ['*'], resources: ['validatingwebhookconfigurations'], verbs: ['*'] }]);
const createIgnoresNames = role('ClusterRole', [{ ...WEBHOOKS, resourceNames: ['mine'], verbs: ['create', 'patch'] }]);

testRule(rbacAdmissionWebhooks, {
  valid: [
    { fixture: 'pass-own-webhook.yaml' },
    { name: 'a Role cannot grant cluster-scoped webhook configurations', text: role('Role', [WEBHOOKS]) },
    { name: 'webhook configurations in the core group do not exist', text: role('ClusterRole', [{ ...WEBHOOKS, apiGroups: [''] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
    { name: 'resourceNames: create is never granted, patch only on the named configuration', text: createIgnoresNames },
  ],
  invalid: [
    {
      name: 'create, third rule',
      text: third,
      findings: [{ ...itemAt(third, 13, 'mutatingwebhookconfigurations'), messageId: 'webhooks', severity: 'error', messageIncludes: ['Rule #3 of ClusterRole `r`', 'create mutatingwebhookconfigurations'] }],
      noFix: true,
    },
    { name: '`*` groups and verbs', text: anyGroup, findings: [{ ...itemAt(anyGroup, 10, 'validatingwebhookconfigurations'), messageId: 'webhooks' }] },
    {
      fixture: 'fail-operator.yaml',
      findings: [{ line: 10, column: 17, endLine: 10, endColumn: 50, messageId: 'webhooks', messageIncludes: ['ClusterRole `operator`', 'delete validatingwebhookconfigurations'] }],
      noFix: true,
    },
  ],
});
