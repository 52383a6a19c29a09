/**
 * Grants that are not full control but hand over something sensitive: a Service's status (traffic
 * interception), pod log deletion (covering tracks), ConfigMaps (configuration, and EKS's
 * `aws-auth`), and networking objects (traffic routing and isolation). One finding per policy
 * rule and concern, the most serious first.
 */
import { CORE_GROUP, describePolicyRule, grantOfAny, grantRange, policyRulesOf, WRITE_VERBS, type Permission } from '../../kubernetes/rbac';
import type { Severity } from '../../engine/types';
import type { KubernetesRule } from '../define';

interface Concern {
  readonly messageId: string;
  readonly permissions: readonly Permission[];
  readonly severity: Severity;
  /** A concern already reported for the same rule makes this one redundant. */
  readonly unless?: string;
}

const CONCERNS: readonly Concern[] = [
  { messageId: 'awsAuth', permissions: [{ groups: [CORE_GROUP], resources: ['configmaps'], verbs: ['update', 'patch', 'delete'], names: ['aws-auth'] }], severity: 'error' },
  { messageId: 'servicesStatus', permissions: [{ groups: [CORE_GROUP], resources: ['services/status'], verbs: ['update', 'patch'] }], severity: 'warning' },
  { messageId: 'podLogs', permissions: [{ groups: [CORE_GROUP], resources: ['pods/log'], verbs: ['delete', 'deletecollection'] }], severity: 'warning' },
  {
    messageId: 'networking',
    permissions: [
      { groups: [CORE_GROUP], resources: ['services', 'endpoints'], verbs: WRITE_VERBS },
      { groups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: WRITE_VERBS },
      { groups: ['networking.k8s.io', 'extensions'], resources: ['networkpolicies', 'ingresses'], verbs: WRITE_VERBS },
    ],
    severity: 'warning',
  },
  { messageId: 'configmaps', permissions: [{ groups: [CORE_GROUP], resources: ['configmaps'], verbs: WRITE_VERBS }], severity: 'warning', unless: 'awsAuth' },
];

export const rbacMiscSensitive: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-misc-sensitive',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'RBAC rule grants write access to sensitive resources',
    rationale:
      'Some write permissions are steps towards more: `update`/`patch` on `services/status` sets a LoadBalancer ingress IP and intercepts traffic (CVE-2020-8554); deleting `pods/log` covers tracks; writing ConfigMaps changes the configuration workloads trust, and on EKS the `aws-auth` ConfigMap maps IAM identities to Kubernetes groups, `system:masters` included (reported as an error); writing Services, Endpoints, EndpointSlices, NetworkPolicies or Ingresses redirects traffic or lifts network isolation. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Grant these verbs only to the controllers that own the resources, and limit them with `resourceNames` where the objects are known. Manage `aws-auth` (or EKS access entries) from the cluster\'s infrastructure code, not from in-cluster roles.',
    messages: {
      awsAuth: '{rule} lets its subjects {verbs} the `aws-auth` ConfigMap: on EKS they can map any IAM identity to `system:masters`. Manage `aws-auth` (or EKS access entries) outside the cluster.',
      servicesStatus: '{rule} lets its subjects {verbs} `services/status`: they can set a LoadBalancer IP and intercept traffic (CVE-2020-8554). Remove the grant unless this is a load-balancer controller.',
      podLogs: '{rule} lets its subjects {verbs} `pods/log`: they can erase evidence. Remove the grant.',
      networking: '{rule} lets its subjects {verbs} {resources}: they can redirect traffic or lift network isolation. Limit the grant to the controller that owns these objects, or name them with `resourceNames`.',
      configmaps: '{rule} lets its subjects {verbs} ConfigMaps: they can change the configuration workloads trust. Limit the grant with `resourceNames`, or to read-only verbs.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV2_K8S_4'], trivy: ['KSV-0042', 'KSV-0049', 'KSV-0056', 'KSV-0115'] },
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/', 'https://github.com/kubernetes/kubernetes/issues/97076'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: lb-helper\nrules:\n  - apiGroups: [""]\n    resources: ["services"]\n    verbs: ["get", "list", "watch"]\n  - apiGroups: [""]\n    resources: ["services/status"]\n    verbs: ["patch"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: lb-helper\nrules:\n  - apiGroups: [""]\n    resources: ["services", "services/status"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  check(resource, context) {
    for (const rule of policyRulesOf(resource)) {
      const reported = new Set<string>();
      for (const concern of CONCERNS) {
        if (concern.unless && reported.has(concern.unless)) continue;
        const grant = grantOfAny(rule, concern.permissions);
        if (!grant || grant.onlyByWildcards) continue;
        reported.add(concern.messageId);
        context.report({
          messageId: concern.messageId,
          data: { rule: describePolicyRule(rule), verbs: grant.grantedVerbs.join('/'), resources: grant.grantedResources.join(', ') },
          range: grantRange(grant, 'resource'),
          severity: concern.severity,
        });
      }
    }
  },
};

