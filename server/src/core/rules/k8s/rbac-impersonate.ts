import { CORE_GROUP, describePolicyRule, grantRange, grantsOf, type Permission } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

const IMPERSONATE: readonly Permission[] = [
  { groups: [CORE_GROUP], resources: ['users', 'groups', 'serviceaccounts'], verbs: ['impersonate'] },
  { groups: ['authentication.k8s.io'], resources: ['uids'], verbs: ['impersonate'] },
];

export const rbacImpersonate: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-impersonate',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'RBAC rule allows impersonating users, groups or service accounts',
    rationale:
      'With `impersonate` a subject can send requests as another user, group or service account (`kubectl --as=… --as-group=system:masters`) and gets that identity\'s rights: impersonating the `system:masters` group is full control of the cluster. `resourceNames` can narrow it to named identities, which is then a deliberate choice. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Remove `impersonate` from the rule. If a proxy or controller really needs it, limit the rule to the users, groups or service accounts it acts for with `resourceNames`, and never include privileged groups.',
    messages: {
      impersonate: '{rule} lets its subjects impersonate {resources}{narrowed}: they get the rights of whoever they impersonate. Remove `impersonate`, or limit it with `resourceNames`.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV2_K8S_3'], trivy: ['KSV-0043'], cis: ['5.1.8'] },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: support\nrules:\n  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "list"]\n  - apiGroups: [""]\n    resources: ["users", "groups"]\n    verbs: ["impersonate"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: support\nrules:\n  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "list"]',
    },
  },
  check(resource, context) {
    for (const grant of grantsOf(resource, IMPERSONATE)) {
      const names = grant.rule.resourceNames.map((name) => `\`${name.value}\``);
      context.report({
        messageId: 'impersonate',
        data: {
          rule: describePolicyRule(grant.rule),
          resources: grant.grantedResources.join(', '),
          narrowed: names.length > 0 ? ` (limited to ${names.join(', ')})` : '',
        },
        range: grantRange(grant, 'verb'),
      });
    }
  },
};
