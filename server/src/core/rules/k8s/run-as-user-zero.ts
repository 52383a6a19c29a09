import { isAtLeast, parseKubernetesVersion, securityContextsOf, USER_NAMESPACE_RELAXATION, usesUserNamespace } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { pairRange, scalarValue } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const runAsUserZero: KubernetesRule = {
  meta: {
    id: 'k8s/run-as-user-zero',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod or container runs as UID 0 (root)',
    rationale:
      '`runAsUser: 0` starts the process as root whatever the image says, and a pod-level value applies to every container that does not set its own. Root in a container owns its files, can use every capability the runtime grants, and is one kernel or runtime bug away from root on the node. The Pod Security Standards restricted profile forbids `runAsUser: 0` in the pod\'s and every container\'s security context, even where a container overrides the pod value; from Kubernetes 1.35 pods with `hostUsers: false` are exempt, since their root maps to an unprivileged host user.',
    remediation:
      'Set `runAsUser` to a non-zero UID the image can run as (10000 or above keeps clear of host users), or remove it and set `runAsNonRoot: true` with a numeric `USER` in the image.',
    messages: {
      root: '{where} sets `runAsUser: 0`, so the process runs as root. Set a non-zero UID (e.g. 10001) that the image supports.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['run-as-non-root'],
      trivy: ['KSV-0105'],
      pss: ['restricted: Running as Non-root user'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsNonRoot: true\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const version = parseKubernetesVersion(context.options.kubernetesVersion);
    if (usesUserNamespace(podSpec) && isAtLeast(version, USER_NAMESPACE_RELAXATION)) return;
    for (const site of securityContextsOf(podSpec)) {
      if (scalarValue(site.securityContext, 'runAsUser', resource.document) !== 0) continue;
      context.report({
        messageId: 'root',
        data: { where: site.description },
        range: pairRange(site.securityContext, 'runAsUser')!,
      });
    }
  },
};
