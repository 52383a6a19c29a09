import { describeResource } from '../../kubernetes/model';
import { podSpecOf } from '../../kubernetes/workloads';
import { asScalar, asSeq, keyRange, valueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const hostAliases: KubernetesRule = {
  meta: {
    id: 'k8s/host-aliases',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod overrides name resolution with hostAliases',
    rationale:
      '`hostAliases` writes entries into every container\'s `/etc/hosts`, bypassing cluster DNS. It hides where traffic really goes from anyone reading DNS configuration or logs, can silently redirect a dependency to another address, and goes stale when the target moves.',
    remediation:
      'Remove `hostAliases` and resolve names through DNS: a Service (an `ExternalName` Service for outside hosts) or a CoreDNS entry.',
    messages: {
      hostAliases: '{resource} sets `hostAliases`, overriding DNS in every container\'s /etc/hosts. Use a Service or DNS entry instead.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['KSV-0007'],
    },
    references: ['https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  hostAliases:\n  - ip: 10.0.0.12\n    hostnames: [db.internal]\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    env:\n    - name: DB_HOST\n      value: db.data.svc.cluster.local\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const value = valueOf(podSpec.node, 'hostAliases', resource.document);
    if (value === undefined || asSeq(value)?.items.length === 0 || (asScalar(value) && asScalar(value)!.value === null)) return;
    context.report({
      messageId: 'hostAliases',
      data: { resource: describeResource(resource) },
      range: keyRange(podSpec.node, 'hostAliases'),
    });
  },
};
