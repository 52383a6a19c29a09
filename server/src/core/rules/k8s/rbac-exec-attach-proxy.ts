import { CORE_GROUP, describePolicyRule, grantRange, grantsOf, type Permission } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

/**
 * `kubectl exec`/`attach` open a connection with `create` (SPDY) or, over WebSockets, with a
 * `get` request; the kubelet API behind `nodes/proxy` is reached the same way. So both verbs count.
 */
const CONNECT_VERBS = ['create', 'get'];
const POD_ACCESS: Permission = { groups: [CORE_GROUP], resources: ['pods/exec', 'pods/attach'], verbs: CONNECT_VERBS };
/** Nodes are cluster-scoped: only a ClusterRole can grant `nodes/proxy`. */
const NODE_PROXY: Permission = { groups: [CORE_GROUP], resources: ['nodes/proxy'], verbs: CONNECT_VERBS };

export const rbacExecAttachProxy: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-exec-attach-proxy',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'RBAC rule allows exec/attach into pods or the kubelet API (`nodes/proxy`)',
    rationale:
      '`pods/exec` and `pods/attach` give a shell in running containers, with their mounted Secrets and service account tokens. `nodes/proxy` reaches the kubelet API of every node, which runs commands in any pod on it and bypasses admission control and most audit logging. These connections are authorised as `create` or, over WebSockets, as `get`, so both verbs are reported. `nodes/proxy` is cluster-scoped and only matters in a ClusterRole. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Remove these resources from roles bound to workloads and everyday users. Give break-glass access through a separate, audited role; monitoring agents read node metrics from `nodes/metrics` or `nodes/stats`, not `nodes/proxy`.',
    messages: {
      access: '{rule} grants {verbs} on {resources}: its subjects can run commands inside containers. Remove these resources, or move them to a separate break-glass role.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV2_K8S_2'], trivy: ['KSV-0053', 'KSV-0054', 'KSV-0047'] },
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: debugger\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]\n  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["create"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: debugger\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]',
    },
  },
  check(resource, context) {
    const permissions = resource.kind === 'ClusterRole' ? [POD_ACCESS, NODE_PROXY] : [POD_ACCESS];
    for (const grant of grantsOf(resource, permissions)) {
      context.report({
        messageId: 'access',
        data: {
          rule: describePolicyRule(grant.rule),
          verbs: grant.grantedVerbs.map((verb) => `\`${verb}\``).join('/'),
          resources: grant.grantedResources.map((name) => `\`${name}\``).join(', '),
        },
        range: grantRange(grant, 'resource'),
      });
    }
  },
};
