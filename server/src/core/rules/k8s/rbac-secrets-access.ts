/**
 * Read access to Secrets, per policy rule. A ClusterRole reads them in every namespace (an
 * error); a Role in one (a warning). `resourceNames` narrows `get` to named Secrets, which is the
 * clean way to grant it.
 */
import { CORE_GROUP, describePolicyRule, grantRange, grantsOf, READ_VERBS } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

export const rbacSecretsAccess: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-secrets-access',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'RBAC rule lets its subjects read Secrets',
    rationale:
      'Reading Secrets reads every credential they hold: database passwords, TLS keys, cloud credentials, and the tokens of service accounts, which often carry more rights than the reader. `list` and `watch` return the contents of every Secret, not just names. A ClusterRole grants this in every namespace (reported as an error), a Role in its own namespace (a warning). Rules narrowed by `resourceNames` to named Secrets are not reported; `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Remove the rule, or limit it to the Secrets the workload needs with `resourceNames` and the `get` verb. Better still, mount the Secret into the pod as a volume so the workload needs no API access to it at all.',
    messages: {
      cluster: '{rule} lets its subjects {verbs} Secrets in every namespace. Remove the rule or narrow it with `resourceNames` to the Secrets it needs.',
      namespaced: '{rule} lets its subjects {verbs} Secrets in its namespace. Remove the rule or narrow it with `resourceNames` to the Secrets it needs.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV2_K8S_5'],
      'kube-linter': ['access-to-secrets'],
      trivy: ['KSV-0041', 'KSV-0113'],
      cis: ['5.1.2'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list", "watch"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-db"]\n    verbs: ["get"]',
    },
  },
  check(resource, context) {
    const cluster = resource.kind === 'ClusterRole';
    for (const grant of grantsOf(resource, [{ groups: [CORE_GROUP], resources: ['secrets'], verbs: READ_VERBS, unlessNarrowed: true }])) {
      context.report({
        messageId: cluster ? 'cluster' : 'namespaced',
        data: { rule: describePolicyRule(grant.rule), verbs: grant.grantedVerbs.join('/') },
        range: grantRange(grant, 'resource'),
        severity: cluster ? 'error' : 'warning',
      });
    }
  },
};
