import { rbacEscalateBind } from '../../../server/src/core/rules/k8s/rbac-escalate-bind';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const RBAC = 'rbac.authorization.k8s.io';
const bindSecond = role('Role', [READ_PODS, { apiGroups: [RBAC], resources: ['roles'], verbs: ['get', 'bind'] }]);
const starVerbThird = role('ClusterRole', [READ_PODS, READ_PODS, { apiGroups: [RBAC], resources: ['clusterrolebindings'], verbs: ['*'] }]);
const anyGroup = role('ClusterRole', [{ apiGroups: ['*'], resources: ['*'], verbs: ['escalate'] }]);
const manage = role('Role', [READ_PODS, { apiGroups: [RBAC], resources: ['rolebindings'], verbs: ['create', 'update'] }]);

testRule(rbacEscalateBind, {
  valid: [
    { fixture: 'pass-read-rbac.yaml' },
    { name: 'RBAC resources in the core group do not exist', text: role('ClusterRole', [{ apiGroups: [''], resources: ['roles'], verbs: ['bind'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
    { name: 'delete only', text: role('Role', [{ apiGroups: [RBAC], resources: ['rolebindings'], verbs: ['delete'] }]) },
  ],
  invalid: [
    {
      name: '`bind` in the second rule of a Role',
      text: bindSecond,
      findings: [{ ...itemAt(bindSecond, 11, 'bind'), messageId: 'escalate', severity: 'error', messageIncludes: ['Rule #2 of Role `r`', '`bind` on roles'] }],
      noFix: true,
    },
    {
      name: '`*` verbs on bindings, third rule',
      text: starVerbThird,
      findings: [{ ...itemAt(starVerbThird, 13, 'clusterrolebindings'), messageId: 'escalate', messageIncludes: ['Rule #3', '`escalate` and `bind`'] }],
    },
    {
      name: '`escalate` on `*` resources of `*` groups',
      text: anyGroup,
      findings: [{ ...itemAt(anyGroup, 8, 'escalate'), messageId: 'escalate' }],
    },
    {
      name: 'creating bindings is a warning',
      text: manage,
      findings: [{ ...itemAt(manage, 10, 'rolebindings'), messageId: 'manage', severity: 'warning', messageIncludes: ['create/update rolebindings'] }],
    },
    {
      fixture: 'fail-escalate.yaml',
      findings: [
        { line: 11, column: 20, endLine: 11, endColumn: 30, messageId: 'escalate', severity: 'error', messageIncludes: ['ClusterRole `team-lead`'] },
        { line: 13, column: 17, endLine: 13, endColumn: 31, messageId: 'manage', severity: 'warning' },
      ],
      noFix: true,
    },
  ],
});
