import { rbacCsrApprove } from '../../../server/src/core/rules/k8s/rbac-csr-approve';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const CERTS = 'certificates.k8s.io';
const both = role('ClusterRole', [READ_PODS, { apiGroups: [CERTS], resources: ['certificatesigningrequests/approval', 'signers'], verbs: ['patch', 'approve'] }]);
const anyGroupSigners = role('ClusterRole', [{ apiGroups: ['*'], resources: ['signers'], verbs: ['*'] }]);

testRule(rbacCsrApprove, {
  valid: [
    { fixture: 'pass-csr-reader.yaml' },
    { name: 'a Role cannot grant cluster-scoped signers', text: role('Role', [{ apiGroups: [CERTS], resources: ['signers'], verbs: ['approve'] }]) },
    { name: 'signers in the core group do not exist', text: role('ClusterRole', [{ apiGroups: [''], resources: ['signers'], verbs: ['approve'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
  ],
  invalid: [
    {
      name: 'approval and signers in one rule (second)',
      text: both,
      findings: [{ ...itemAt(both, 11, 'patch'), messageId: 'approve', severity: 'error', messageIncludes: ['Rule #2 of ClusterRole `r`', '`patch` on `certificatesigningrequests/approval` and `approve` on `signers`'] }],
      noFix: true,
    },
    { name: '`*` verbs on signers in `*` groups', text: anyGroupSigners, findings: [{ ...itemAt(anyGroupSigners, 7, 'signers'), messageId: 'approve', messageIncludes: ['`approve` on `signers`'] }] },
    {
      fixture: 'fail-approver.yaml',
      findings: [
        { line: 10, column: 17, endLine: 10, endColumn: 54, messageId: 'approve', messageIncludes: ['Rule #2 of ClusterRole `csr-approver`', '`update` on `certificatesigningrequests/approval`'] },
        { line: 15, column: 13, endLine: 15, endColumn: 22, messageId: 'approve', messageIncludes: ['Rule #3', '`approve` on `signers`'] },
      ],
      noFix: true,
    },
  ],
});
