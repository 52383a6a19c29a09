import { rbacWildcard } from '../../../server/src/core/rules/k8s/rbac-wildcard';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_DEPLOYMENTS, READ_PODS, role } from './rbac-samples';

const everythingThird = role('ClusterRole', [READ_PODS, READ_DEPLOYMENTS, EVERYTHING]);
const groupsOnly = role('Role', [READ_PODS, { apiGroups: ['*'], resources: ['deployments'], verbs: ['get'] }]);
const verbsOnly = role('Role', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }]);
const twoWildcardRules = role('ClusterRole', [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }, READ_PODS, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }]);

testRule(rbacWildcard, {
  valid: [
    { fixture: 'pass-explicit-lists.yaml' },
    { name: 'explicit lists in every rule', text: role('ClusterRole', [READ_PODS, READ_DEPLOYMENTS]) },
    { name: 'a `*` in nonResourceURLs is not a resource wildcard', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n  - nonResourceURLs: ["/healthz/*"]\n    verbs: ["get"]\n' },
    { name: 'a binding is not a role', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nroleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}\nsubjects: ["*"]\n' },
  ],
  invalid: [
    {
      name: 'full wildcard as the third rule of a ClusterRole',
      text: everythingThird,
      findings: [{ ...itemAt(everythingThird, 14, '*'), messageId: 'everything', severity: 'error', messageIncludes: ['Rule #3 of ClusterRole `r`', 'cluster-admin'] }],
      noFix: true,
    },
    {
      name: 'apiGroups `*` alone, second rule of a Role',
      text: groupsOnly,
      findings: [{ ...itemAt(groupsOnly, 9, '*'), messageId: 'wildcard', messageIncludes: ['Rule #2 of Role `r`', '`*` in `apiGroups`'] }],
    },
    {
      name: 'verbs `*` in the core group',
      text: verbsOnly,
      findings: [{ ...itemAt(verbsOnly, 8, '*'), messageId: 'wildcard', messageIncludes: ['`*` in `verbs`'] }],
    },
    {
      name: 'each rule with a wildcard is reported',
      text: twoWildcardRules,
      findings: [
        { ...itemAt(twoWildcardRules, 7, '*'), messageId: 'wildcard', messageIncludes: ['Rule #1', '`*` in `resources`'] },
        { ...itemAt(twoWildcardRules, 14, '*'), messageId: 'wildcard', messageIncludes: ['Rule #3', '`*` in `verbs`'] },
      ],
    },
    {
      fixture: 'fail-third-rule.yaml',
      findings: [{ line: 17, column: 9, endLine: 17, endColumn: 12, messageId: 'wildcard', messageIncludes: ['Rule #3 of Role `operator`', '`*` in `resources`'] }],
      noFix: true,
    },
  ],
});
