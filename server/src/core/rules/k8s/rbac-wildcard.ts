/**
 * One finding per policy rule that uses `*` (not one per `*`), pointing at the first wildcard —
 * a verb before a resource before an API group — with the others as related locations. Every
 * rule of `rules` is read, not only the first as checkov does.
 */
import { describePolicyRule, policyRulesOf, WILDCARD, type RbacItem } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

const FIELDS = ['verbs', 'resources', 'apiGroups'] as const;

export const rbacWildcard: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-wildcard',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'RBAC rule grants `*` verbs, resources or API groups',
    rationale:
      'A `*` grants everything that exists today and everything added later: every verb (including `escalate`, `bind` and `impersonate`), every resource and subresource (Secrets, `pods/exec`, `nodes/proxy`), every API group (including CRDs installed next year). A rule with `*` everywhere is `cluster-admin` under another name. Every rule of the Role or ClusterRole is checked; aggregated ClusterRoles (an `aggregationRule` whose rules the controller fills in) are not.',
    remediation:
      'Replace each `*` with the verbs, resources and API groups the subject actually uses (`kubectl auth can-i --list --as=<subject>` or the API server audit log show them), and split rules that mix unrelated groups.',
    messages: {
      wildcard: '{rule} grants `*` in {fields}. List the verbs, resources and API groups it needs instead.',
      everything: '{rule} grants every verb on every resource (`*` in `verbs` and `resources`): it is as powerful as `cluster-admin` in its scope. List the verbs and resources it needs instead.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_49'],
      'kube-linter': ['wildcard-in-rules'],
      trivy: ['KSV-0044', 'KSV-0045', 'KSV-0046', 'KSV-0112'],
      cis: ['5.1.3'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#minimize-use-of-wildcard-permissions'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list"]\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "create", "update", "patch"]',
    },
  },
  check(resource, context) {
    for (const rule of policyRulesOf(resource)) {
      const wildcards = FIELDS.map((field) => ({ field, items: rule[field].filter((item) => item.value === WILDCARD) })).filter(({ items }) => items.length > 0);
      if (wildcards.length === 0) continue;
      const items: RbacItem[] = wildcards.flatMap(({ items: found }) => found);
      const [first, ...others] = items;
      const everything = wildcards.some(({ field }) => field === 'verbs') && wildcards.some(({ field }) => field === 'resources');
      context.report({
        messageId: everything ? 'everything' : 'wildcard',
        data: { rule: describePolicyRule(rule), fields: wildcards.map(({ field }) => `\`${field}\``).join(' and ').replace(/ and (?=.* and )/, ', ') },
        range: first!.range,
        ...(others.length > 0 ? { related: others.map((item) => ({ range: item.range, message: 'Another `*` of this rule' })) } : {}),
      });
    }
  },
};
