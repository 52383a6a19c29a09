import { rbacWorkloadCreate } from '../../../server/src/core/rules/k8s/rbac-workload-create';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_DEPLOYMENTS, READ_PODS, role } from './rbac-samples';

const deployThird = role('ClusterRole', [READ_PODS, READ_DEPLOYMENTS, { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: ['patch'] }]);
const podsCore = role('Role', [READ_PODS, { apiGroups: [''], resources: ['pods'], verbs: ['create'] }]);
const podsAnyGroup = role('Role', [{ apiGroups: ['*'], resources: ['pods'], verbs: ['*'] }]);

testRule(rbacWorkloadCreate, {
  valid: [
    { fixture: 'pass-read-only.yaml' },
    { name: 'pods in the apps group do not exist', text: role('Role', [{ apiGroups: ['apps'], resources: ['pods'], verbs: ['create'] }]) },
    { name: 'deployments in the core group do not exist', text: role('Role', [{ apiGroups: [''], resources: ['deployments'], verbs: ['create'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
  ],
  invalid: [
    {
      name: 'patching Deployments and StatefulSets, third rule of a ClusterRole',
      text: deployThird,
      findings: [{ ...itemAt(deployThird, 13, 'deployments'), messageId: 'create', severity: 'warning', messageIncludes: ['Rule #3 of ClusterRole `r`', 'patch deployments, statefulsets'] }],
      noFix: true,
    },
    { name: 'creating pods in the core group', text: podsCore, findings: [{ ...itemAt(podsCore, 10, 'pods'), messageId: 'create', messageIncludes: ['Rule #2 of Role `r`', 'create pods'] }] },
    { name: '`*` groups and `*` verbs on pods', text: podsAnyGroup, findings: [{ ...itemAt(podsAnyGroup, 7, 'pods'), messageId: 'create', messageIncludes: ['create/update/patch pods'] }] },
    {
      fixture: 'fail-ci.yaml',
      findings: [{ line: 11, column: 17, endLine: 11, endColumn: 23, messageId: 'create', messageIncludes: ['Role `ci`', 'create jobs, cronjobs'] }],
      noFix: true,
    },
  ],
});
