import { rbacClusterAdminBinding } from '../../../server/src/core/rules/k8s/rbac-cluster-admin-binding';
import { testRule } from '../../support/rule-tester';

testRule(rbacClusterAdminBinding, {
  valid: [
    { fixture: 'pass-least-privilege.yaml' },
    { name: 'a Role, not a binding', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cluster-admin\nrules: []\n' },
  ],
  invalid: [
    {
      fixture: 'fail-bindings.yaml',
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 22, messageId: 'clusterAdmin', severity: 'error', messageIncludes: ['ClusterRoleBinding `ci-admin`', 'full control of the cluster'] },
        { line: 19, column: 73, endLine: 19, endColumn: 86, messageId: 'clusterAdmin', severity: 'error', messageIncludes: ['RoleBinding `shop-admin`', 'full control of namespace `shop`'] },
        { line: 31, column: 9, endLine: 31, endColumn: 15, messageId: 'broad', severity: 'warning', messageIncludes: ['ClusterRoleBinding `everyone-edits` binds the `edit` ClusterRole in every namespace'] },
      ],
      noFix: true,
    },
  ],
});
