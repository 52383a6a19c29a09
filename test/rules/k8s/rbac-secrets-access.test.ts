import { rbacSecretsAccess } from '../../../server/src/core/rules/k8s/rbac-secrets-access';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_DEPLOYMENTS, READ_PODS, role } from './rbac-samples';

const SECRETS = { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] };
const clusterThird = role('ClusterRole', [READ_PODS, READ_DEPLOYMENTS, SECRETS]);
const roleSecond = role('Role', [READ_PODS, SECRETS]);
const anyGroup = role('Role', [READ_PODS, { apiGroups: ['*'], resources: ['secrets'], verbs: ['watch'] }]);
const anyResource = role('ClusterRole', [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }]);
const createIgnoresNames = role('Role', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['db'], verbs: ['get', 'list'] }, { apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]);

testRule(rbacSecretsAccess, {
  valid: [
    { fixture: 'pass-named-secrets.yaml' },
    { name: 'resourceNames narrows reads to named Secrets', text: role('ClusterRole', [{ ...SECRETS, resourceNames: ['app-db'] }]) },
    { name: 'secrets in another API group are not core Secrets', text: role('Role', [{ apiGroups: ['example.com'], resources: ['secrets'], verbs: ['get'] }]) },
    { name: 'write-only verbs read nothing', text: role('Role', [{ apiGroups: [''], resources: ['secrets'], verbs: ['create', 'delete'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [READ_PODS, EVERYTHING]) },
    { name: 'pods only', text: role('ClusterRole', [READ_PODS]) },
  ],
  invalid: [
    {
      name: 'ClusterRole: the third rule reads Secrets (error)',
      text: clusterThird,
      findings: [{ ...itemAt(clusterThird, 13, 'secrets'), messageId: 'cluster', severity: 'error', messageIncludes: ['Rule #3 of ClusterRole `r`', 'get/list Secrets in every namespace'] }],
      noFix: true,
    },
    {
      name: 'Role: the second rule reads Secrets (warning)',
      text: roleSecond,
      findings: [{ ...itemAt(roleSecond, 10, 'secrets'), messageId: 'namespaced', severity: 'warning', messageIncludes: ['Rule #2 of Role `r`', 'in its namespace'] }],
    },
    {
      name: 'apiGroups `*` includes the core group',
      text: anyGroup,
      findings: [{ ...itemAt(anyGroup, 10, 'secrets'), messageId: 'namespaced', messageIncludes: ['watch Secrets'] }],
    },
    {
      name: 'resources `*` includes Secrets: points at the verb',
      text: anyResource,
      findings: [{ ...itemAt(anyResource, 8, 'get'), messageId: 'cluster' }],
    },
    {
      name: 'only the rule without resourceNames is reported',
      text: createIgnoresNames,
      findings: [{ ...itemAt(createIgnoresNames, 11, 'secrets'), messageId: 'namespaced', messageIncludes: ['Rule #2', 'list Secrets'] }],
    },
    {
      fixture: 'fail-roles.yaml',
      findings: [
        { line: 11, column: 9, endLine: 11, endColumn: 16, messageId: 'cluster', severity: 'error', messageIncludes: ['Rule #2 of ClusterRole `secret-reader`', 'list/watch Secrets'] },
        { line: 23, column: 17, endLine: 23, endColumn: 26, messageId: 'namespaced', severity: 'warning', messageIncludes: ['Role `app`', 'get/list/watch Secrets'] },
      ],
      noFix: true,
    },
  ],
});
