/**
 * `escalate` and `bind` on RBAC objects (errors), and writing Roles and bindings (warnings: the
 * API server's escalation check still applies to those, but they are how access is handed out).
 */
import { describePolicyRule, grantOf, grantRange, policyRulesOf, type Permission } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_RESOURCES = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'];
const ESCALATE: Permission = { groups: [RBAC_GROUP], resources: RBAC_RESOURCES, verbs: ['escalate', 'bind'] };
const MANAGE: Permission = { groups: [RBAC_GROUP], resources: RBAC_RESOURCES, verbs: ['create', 'update', 'patch'] };

export const rbacEscalateBind: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-escalate-bind',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'RBAC rule allows privilege escalation through Roles and bindings',
    rationale:
      'The API server refuses to let anyone create or edit a Role with rights they do not hold, or bind a Role they could not grant themselves — unless they have `escalate` (edit Roles beyond their own rights) or `bind` (bind any Role, `cluster-admin` included). Either verb is a path to full control. Creating or editing Roles and bindings without those verbs is still how access is handed out, and is reported as a warning. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Remove `escalate` and `bind` (and `*`) from the rule. Grant `bind` only with `resourceNames` listing the specific Roles a controller must bind, and keep Role and binding management with cluster administrators or a GitOps pipeline.',
    messages: {
      escalate: '{rule} grants {verbs} on {resources}: its subjects can give themselves any permission. Remove the verb, or limit `bind` to named Roles with `resourceNames`.',
      manage: '{rule} lets its subjects {verbs} {resources}: it hands out access. Keep RBAC management with administrators, or limit it with `resourceNames`.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_158', 'CKV_K8S_157', 'CKV2_K8S_1'],
      trivy: ['KSV-0050', 'KSV-0051', 'KSV-0052', 'KSV-0055'],
      cis: ['5.1.8'],
    },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: team-lead\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["get", "escalate"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: team-lead\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["get", "list"]',
    },
  },
  check(resource, context) {
    for (const rule of policyRulesOf(resource)) {
      const escalate = grantOf(rule, ESCALATE);
      const grant = escalate && !escalate.onlyByWildcards ? escalate : grantOf(rule, MANAGE);
      if (!grant || grant.onlyByWildcards) continue;
      const isEscalate = grant === escalate;
      context.report({
        messageId: isEscalate ? 'escalate' : 'manage',
        data: {
          rule: describePolicyRule(rule),
          verbs: isEscalate ? grant.grantedVerbs.map((verb) => `\`${verb}\``).join(' and ') : grant.grantedVerbs.join('/'),
          resources: grant.grantedResources.join(', '),
        },
        range: grantRange(grant, isEscalate ? 'verb' : 'resource'),
        severity: isEscalate ? 'error' : 'warning',
      });
    }
  },
};
