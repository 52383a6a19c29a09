import { rbacImpersonate } from '../../../server/src/core/rules/k8s/rbac-impersonate';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const second = role('Role', [READ_PODS, { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] }]);
const named = role('ClusterRole', [READ_PODS, READ_PODS, { apiGroups: [''], resources: ['users'], resourceNames: ['jane'], verbs: ['impersonate'] }]);
const anyGroupStarVerb = role('ClusterRole', [{ apiGroups: ['*'], resources: ['groups'], verbs: ['*'] }]);
const uids = role('ClusterRole', [{ apiGroups: ['authentication.k8s.io'], resources: ['uids'], verbs: ['impersonate'] }]);

testRule(rbacImpersonate, {
  valid: [
    { fixture: 'pass-no-impersonation.yaml' },
    { name: 'users in a non-core group', text: role('ClusterRole', [{ apiGroups: ['example.com'], resources: ['users'], verbs: ['impersonate'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
  ],
  invalid: [
    {
      name: 'service accounts, second rule',
      text: second,
      findings: [{ ...itemAt(second, 11, 'impersonate'), messageId: 'impersonate', severity: 'error', messageIncludes: ['Rule #2 of Role `r`', 'impersonate serviceaccounts'] }],
      noFix: true,
    },
    {
      name: 'resourceNames narrows but is still reported, with the names',
      text: named,
      findings: [{ ...itemAt(named, 15, 'impersonate'), messageId: 'impersonate', messageIncludes: ['Rule #3', '(limited to `jane`)'] }],
    },
    {
      name: '`*` verbs on groups in `*` groups: points at the resource',
      text: anyGroupStarVerb,
      findings: [{ ...itemAt(anyGroupStarVerb, 7, 'groups'), messageId: 'impersonate' }],
    },
    { name: 'uids in authentication.k8s.io', text: uids, findings: [{ ...itemAt(uids, 8, 'impersonate'), messageId: 'impersonate' }] },
    {
      fixture: 'fail-impersonate-groups.yaml',
      findings: [{ line: 11, column: 13, endLine: 11, endColumn: 26, messageId: 'impersonate', messageIncludes: ['impersonate users, groups'] }],
      noFix: true,
    },
  ],
});
