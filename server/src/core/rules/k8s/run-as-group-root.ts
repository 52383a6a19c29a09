import { securityContextsOf } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { asScalar, pairRange, rangeOf, scalarValue, seqEntries, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const runAsGroupRoot: KubernetesRule = {
  meta: {
    id: 'k8s/run-as-group-root',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod or container runs with the root group (GID 0)',
    rationale:
      'With `runAsGroup: 0`, `fsGroup: 0` or GID 0 in `supplementalGroups`, processes (and, for `fsGroup`, mounted volumes) belong to the root group, so they can read and write every file the image or a volume leaves group-accessible to root. The Pod Security Standards list non-root groups as an optional restricted control; Pod Security Admission does not enforce it.',
    remediation:
      'Set `runAsGroup`, `fsGroup` and every `supplementalGroups` entry to a non-zero GID (10000 or above keeps clear of host groups).',
    messages: {
      runAsGroup: '{where} sets `runAsGroup: 0`, so the process runs with the root group. Set a non-zero GID.',
      fsGroup: '{where} sets `fsGroup: 0`, so mounted volumes are owned by the root group. Set a non-zero GID.',
      supplementalGroups: '{where} lists GID 0 in `supplementalGroups`, adding the root group to every process. Remove it.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['run-as-non-root'],
      trivy: ['KSV-0116'],
      pss: ['restricted: Non-root groups (optional)'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 0\n    fsGroup: 0\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n    fsGroup: 10001\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    for (const site of securityContextsOf(podSpec)) {
      for (const field of ['runAsGroup', 'fsGroup'] as const) {
        // `fsGroup` exists only at pod level; a container-level one is ignored by Kubernetes.
        if (field === 'fsGroup' && site.container) continue;
        if (scalarValue(site.securityContext, field, document) !== 0) continue;
        context.report({ messageId: field, data: { where: site.description }, range: pairRange(site.securityContext, field)! });
      }
      if (site.container) continue;
      for (const { node, written } of seqEntries(writtenValueOf(site.securityContext, 'supplementalGroups'), document)) {
        if (asScalar(node)?.value !== 0) continue;
        context.report({ messageId: 'supplementalGroups', data: { where: site.description }, range: rangeOf(written) });
      }
    }
  },
};
