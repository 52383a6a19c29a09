import { describePolicyRule, grantRange, grantsOf, WRITE_VERBS } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

export const rbacAdmissionWebhooks: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-admission-webhooks',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'ClusterRole can change admission webhook configurations',
    rationale:
      'Admission webhooks see and may rewrite every object sent to the API server. Whoever can create or edit a MutatingWebhookConfiguration can inject containers or Secrets into every new pod; whoever can edit or delete a ValidatingWebhookConfiguration can switch off the policy engine that enforces the cluster\'s rules. Webhook configurations are cluster-scoped, so only ClusterRoles are checked. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Keep webhook configuration changes with cluster administrators (or the installer of the webhook). A webhook controller that patches its own `caBundle` should get `update`/`patch` only with `resourceNames` naming its own configuration.',
    messages: {
      webhooks: '{rule} lets its subjects {verbs} {resources}: they can intercept or switch off admission control for the whole cluster. Remove the grant, or limit it to the webhook\'s own configuration with `resourceNames`.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV_K8S_155'], trivy: ['KSV-0114'] },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: operator\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    verbs: ["get", "create", "update"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: operator\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    resourceNames: ["operator-webhook"]\n    verbs: ["get", "update"]',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'ClusterRole') return;
    const permission = {
      groups: ['admissionregistration.k8s.io'],
      resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
      verbs: WRITE_VERBS,
      unlessNarrowed: true,
    };
    for (const grant of grantsOf(resource, [permission])) {
      context.report({
        messageId: 'webhooks',
        data: { rule: describePolicyRule(grant.rule), verbs: grant.grantedVerbs.join('/'), resources: grant.grantedResources.join(', ') },
        range: grantRange(grant, 'resource'),
      });
    }
  },
};
