import { describeResource } from '../../kubernetes/model';
import { roleRefOf } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

/** Built-in ClusterRoles that are broad enough to matter when bound cluster-wide. */
const BROAD_ROLES = new Set(['admin', 'edit']);

export const rbacClusterAdminBinding: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-cluster-admin-binding',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Binding grants `cluster-admin` (or `admin`/`edit` cluster-wide)',
    rationale:
      '`cluster-admin` allows every verb on every resource: bound by a ClusterRoleBinding it is full control of the cluster, by a RoleBinding full control of the namespace, Secrets, RBAC and all. The built-in `admin` and `edit` ClusterRoles are meant to be bound per namespace with a RoleBinding; bound by a ClusterRoleBinding they cover every namespace, `kube-system` included (reported as a warning).',
    remediation:
      'Bind a Role (or ClusterRole) that lists only what the subjects need, with a RoleBinding in their namespace. Keep `cluster-admin` for break-glass accounts managed outside the manifests.',
    messages: {
      clusterAdmin: '{binding} binds the `cluster-admin` ClusterRole: its subjects get full control of {scope}. Bind a least-privilege Role instead.',
      broad: '{binding} binds the `{role}` ClusterRole in every namespace. Bind it per namespace with a RoleBinding, or bind a least-privilege role.',
    },
    fix: 'none',
    equivalents: { 'kube-linter': ['cluster-admin-role-binding'], trivy: ['KSV-0111'], cis: ['5.1.1'] },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ci\n  namespace: apps\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: deployer\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci',
    },
  },
  check(resource, context) {
    const roleRef = roleRefOf(resource);
    if (!roleRef || roleRef.kind !== 'ClusterRole' || roleRef.name === undefined) return;
    const clusterWide = resource.kind === 'ClusterRoleBinding';
    const binding = describeResource(resource);
    if (roleRef.name === 'cluster-admin') {
      const scope = clusterWide ? 'the cluster' : resource.namespace ? `namespace \`${resource.namespace}\`` : 'its namespace';
      context.report({ messageId: 'clusterAdmin', data: { binding, scope }, range: roleRef.nameRange });
    } else if (clusterWide && BROAD_ROLES.has(roleRef.name)) {
      context.report({ messageId: 'broad', data: { binding, role: roleRef.name }, range: roleRef.nameRange, severity: 'warning' });
    }
  },
};
