import { describeResource } from '../../kubernetes/model';
import { subjectsOf } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

/** Group and user names that stand for everyone, or for unlimited power. */
const PRIVILEGED_SUBJECTS: ReadonlyMap<string, string> = new Map([
  ['system:masters', 'the `system:masters` group bypasses RBAC entirely, so the binding hides who really holds power'],
  ['system:anonymous', 'it is every unauthenticated request'],
  ['system:unauthenticated', 'it is every unauthenticated request'],
  ['system:authenticated', 'it is every authenticated identity, every service account of every namespace included (on GKE, any Google account)'],
]);

export const rbacPrivilegedSubject: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-privileged-subject',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Binding grants a role to anonymous users, all authenticated users or `system:masters`',
    rationale:
      'Binding to `system:anonymous` or `system:unauthenticated` grants the role to anyone who can reach the API server; `system:authenticated` to every identity with any credential, every service account token of every namespace included (on GKE, any Google account). Binding to `system:masters` is pointless for RBAC (that group bypasses it) and hides a cluster-admin grant in plain sight.',
    remediation:
      'Bind the role to the specific users, groups or service accounts that need it. Remove bindings that name these system groups.',
    messages: {
      subject: '{binding} binds {subject}: {why}. Bind the specific users, groups or service accounts that need the role instead.',
    },
    fix: 'none',
    equivalents: { trivy: ['KSV-0123', 'KSV-0122', 'KSV-01011'] },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: metrics-public\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: metrics-reader\nsubjects:\n  - kind: Group\n    name: system:unauthenticated\n    apiGroup: rbac.authorization.k8s.io',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: metrics-reader\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: metrics-reader\nsubjects:\n  - kind: ServiceAccount\n    name: prometheus\n    namespace: monitoring',
    },
  },
  check(resource, context) {
    for (const subject of subjectsOf(resource)) {
      if (subject.kind !== 'Group' && subject.kind !== 'User') continue;
      const why = subject.name !== undefined ? PRIVILEGED_SUBJECTS.get(subject.name) : undefined;
      if (!why) continue;
      context.report({
        messageId: 'subject',
        data: { binding: describeResource(resource), subject: `${subject.kind.toLowerCase()} \`${subject.name}\``, why },
        range: subject.nameRange,
      });
    }
  },
};
