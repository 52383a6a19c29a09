import { rbacPrivilegedSubject } from '../../../server/src/core/rules/k8s/rbac-privileged-subject';
import { testRule } from '../../support/rule-tester';

testRule(rbacPrivilegedSubject, {
  valid: [{ fixture: 'pass-specific-subjects.yaml' }],
  invalid: [
    {
      fixture: 'fail-system-groups.yaml',
      findings: [
        { line: 14, column: 11, endLine: 14, endColumn: 33, messageId: 'subject', severity: 'error', messageIncludes: ['ClusterRoleBinding `public-metrics` binds group `system:unauthenticated`'] },
        { line: 16, column: 24, endLine: 16, endColumn: 42, messageId: 'subject', messageIncludes: ['binds user `system:anonymous`'] },
        { line: 26, column: 11, endLine: 26, endColumn: 25, messageId: 'subject', messageIncludes: ['RoleBinding `admins` binds group `system:masters`', 'bypasses RBAC'] },
        { line: 28, column: 11, endLine: 28, endColumn: 31, messageId: 'subject', messageIncludes: ['every authenticated identity'] },
      ],
      noFix: true,
    },
  ],
});
