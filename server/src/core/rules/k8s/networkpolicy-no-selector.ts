import { describeResource } from '../../kubernetes/model';
import { keyRange, mapAt, pairOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const networkpolicyNoSelector: KubernetesRule = {
  meta: {
    id: 'k8s/networkpolicy-no-selector',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'NetworkPolicy has no `podSelector`',
    rationale:
      'A NetworkPolicy without `spec.podSelector` is accepted and treated like `podSelector: {}`: it applies to every pod in its namespace. That is right for a default-deny policy, but a missing selector is more often a policy meant for a few pods that now restricts — or, with broad rules, opens — all of them. Whether selectors match existing pods needs the whole workspace and is checked elsewhere.',
    remediation:
      'Select the pods the policy is for with `spec.podSelector.matchLabels`, or write `podSelector: {}` to say that it covers the whole namespace.',
    messages: {
      missing: '{policy} has no `spec.podSelector`, so it applies to every pod in its namespace. Select the pods it is for, or write `podSelector: {}` to make that explicit.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['dangling-networkpolicy', 'dangling-networkpolicypeer-podselector'],
      trivy: ['KSV-0038'],
      cis: ['5.3.2'],
    },
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    example: {
      insecure: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\nspec:\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: { app: web }',
      secure: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\nspec:\n  podSelector:\n    matchLabels: { app: api }\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: { app: web }',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'NetworkPolicy') return;
    const spec = mapAt(resource.node, ['spec'], resource.document);
    if (spec && pairOf(spec, 'podSelector')) return;
    context.report({
      messageId: 'missing',
      data: { policy: describeResource(resource) },
      range: pairOf(resource.node, 'spec') ? keyRange(resource.node, 'spec') : resource.anchorRange,
    });
  },
};
