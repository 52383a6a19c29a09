import { describeResource } from '../../kubernetes/model';
import { podSpecOf } from '../../kubernetes/workloads';
import { asScalar, hasValue, rangeOf, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const podUsesDefaultSa: KubernetesRule = {
  meta: {
    id: 'k8s/pod-uses-default-sa',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod runs as the namespace\'s `default` service account',
    rationale:
      'A pod that names no service account runs as `default`, which every other such pod in the namespace shares. Permissions granted to one of them (a RoleBinding to `default`, a cloud IAM binding) silently apply to all of them, and their API calls cannot be told apart in the audit log. The deprecated `serviceAccount` field counts as naming one.',
    remediation:
      'Create a ServiceAccount for the workload, set `serviceAccountName` to it in the pod spec, and grant it only what the workload needs (nothing, usually: then also set `automountServiceAccountToken: false`).',
    messages: {
      unset: '{resource} sets no `serviceAccountName`, so it runs as the namespace\'s shared `default` service account. Create a dedicated ServiceAccount and name it.',
      default: '{resource} runs as the namespace\'s shared `default` service account. Create a dedicated ServiceAccount and set `serviceAccountName` to it.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['default-service-account'],
      cis: ['5.1.5'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      serviceAccountName: api\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    // serviceAccountName wins; the deprecated serviceAccount applies when it is empty.
    for (const field of ['serviceAccountName', 'serviceAccount']) {
      const node = valueOf(podSpec.node, field, document);
      if (!hasValue(node)) continue;
      const value = asScalar(node)?.value;
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (value.trim() !== 'default') return;
      context.report({ messageId: 'default', data: { resource: describeResource(resource) }, range: rangeOf(writtenValueOf(podSpec.node, field)!) });
      return;
    }
    context.report({ messageId: 'unset', data: { resource: describeResource(resource) }, range: podSpec.anchorRange });
  },
};
