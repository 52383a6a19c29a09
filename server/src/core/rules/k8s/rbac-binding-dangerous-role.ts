import type { CrossFileRule } from '../define';

export const rbacBindingDangerousRole: CrossFileRule = {
  meta: {
    id: 'k8s/rbac-binding-dangerous-role',
    target: 'kubernetes',
    scope: 'workspace',
    defaultSeverity: 'warning',
    title: 'Binding hands out a role that can read Secrets, escalate, impersonate, exec or create pods',
    rationale:
      'A Role is only as dangerous as who is bound to it. Bulkhead follows every RoleBinding and ClusterRoleBinding to the Role or ClusterRole it names anywhere in the workspace, and reports the bindings that give someone the power to read Secrets, escalate or bind roles, impersonate users, exec into pods or create pods (each a path to every credential of the namespace or cluster). Binding such a role to the `default` ServiceAccount — which every pod of the namespace runs as unless told otherwise — is an error.',
    remediation: 'Bind a role that grants only what the subject needs, narrowed with `resourceNames` where possible, to a dedicated ServiceAccount.',
    messages: {
      dangerous: '{binding} gives {subjects} the {roleKind} `{role}`, which can {grants}. Bind a narrower role.',
      defaultAccount: '{binding} gives the `default` ServiceAccount — every pod of its namespace — the {roleKind} `{role}`, which can {grants}. Bind a narrower role to a dedicated ServiceAccount.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV2_K8S_1', 'CKV2_K8S_2', 'CKV2_K8S_3', 'CKV2_K8S_5'],
      'kube-linter': ['access-to-secrets', 'access-to-create-pods'],
      cis: ['5.1.2', '5.1.4', '5.1.5', '5.1.8'],
    },
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ci, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}\nsubjects:\n  - {kind: ServiceAccount, name: ci, namespace: shop}\n# …where Role secret-reader (in any file) can get/list secrets\n',
      secure: 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: configmap-reader}\n',
    },
  },
  check({ object, workspace }, context) {
    const binding = object.binding;
    if (!binding || (binding.roleKind !== 'Role' && binding.roleKind !== 'ClusterRole')) return;
    const role = workspace
      .ofKind(binding.roleKind)
      .find(({ object: candidate }) => candidate.name === binding.roleName && (binding.roleKind === 'ClusterRole' || candidate.namespace === object.namespace));
    if (!role || role.object.dangerousGrants.length === 0) return;
    const toDefault = binding.subjects.some((subject) => subject.kind === 'ServiceAccount' && subject.name === 'default');
    const subjects = binding.subjects.map((subject) => `${subject.kind ?? 'subject'} \`${subject.name ?? '?'}\``);
    context.report({
      messageId: toDefault ? 'defaultAccount' : 'dangerous',
      severity: toDefault ? 'error' : 'warning',
      data: {
        binding: object.description,
        subjects: subjects.length > 0 ? subjects.join(', ') : 'no subject yet',
        roleKind: binding.roleKind,
        role: binding.roleName,
        grants: role.object.dangerousGrants.join(', '),
      },
      range: binding.roleNameRange,
    });
  },
};
