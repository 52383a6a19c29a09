import { selectorMatches } from '../../workspace/objects';
import type { CrossFileRule } from '../define';

export const networkpolicyCoverage: CrossFileRule = {
  meta: {
    id: 'k8s/networkpolicy-coverage',
    target: 'kubernetes',
    scope: 'workspace',
    defaultSeverity: 'warning',
    title: 'Workload not covered by any NetworkPolicy',
    rationale:
      'Without a NetworkPolicy selecting its pods, a workload accepts traffic from every pod in the cluster and can reach every other pod: one compromised pod can talk to all of them. Bulkhead looks for a NetworkPolicy in the same namespace, anywhere in the workspace, whose `podSelector` matches the workload\'s pod-template labels (an empty `podSelector: {}` — a namespace-wide default-deny — covers every pod). Manifests that leave the namespace to the deploy tool are matched with policies that do the same.',
    remediation:
      'Add a default-deny NetworkPolicy for the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]`), then a policy that allows exactly the traffic the workload needs.',
    messages: {
      uncovered: '{resource} is not selected by any NetworkPolicy in {namespace}: all traffic to and from its pods is allowed. Add a default-deny NetworkPolicy and allow only what it needs.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV2_K8S_6'], 'kube-linter': ['non-isolated-pod'], cis: ['5.3.2'] },
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
      secure: '# …the same Deployment, plus anywhere in the workspace:\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
    },
  },
  check({ object, workspace }, context) {
    if (!object.podTemplate) return;
    const covered = workspace
      .ofKind('NetworkPolicy')
      .some(({ object: policy }) => policy.namespace === object.namespace && policy.podSelector !== undefined && selectorMatches(policy.podSelector, object.podTemplate!.labels));
    if (covered) return;
    context.report({
      messageId: 'uncovered',
      data: { resource: object.description, namespace: object.namespace ? `namespace \`${object.namespace}\`` : 'its namespace' },
      range: object.anchorRange,
    });
  },
};
