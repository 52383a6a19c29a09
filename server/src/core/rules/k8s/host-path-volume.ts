import type { RelatedLocation } from '../../engine/types';
import { describeResource } from '../../kubernetes/model';
import { hostPathVolumesOf, volumeMountsOf } from '../../kubernetes/volumes';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

export const hostPathVolume: KubernetesRule = {
  meta: {
    id: 'k8s/host-path-volume',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod mounts a directory or file of the node (`hostPath` volume)',
    rationale:
      'A `hostPath` volume gives the pod a piece of the node\'s filesystem. What it can read there (credentials, other pods\' data, logs) leaks, what it can write there persists beyond the pod and can change how the node behaves, and the pod becomes tied to whatever happens to be on that node. The Pod Security Standards baseline profile forbids `hostPath` volumes entirely.',
    remediation:
      'Replace the `hostPath` volume with an `emptyDir` (scratch space), a `persistentVolumeClaim` (data that must survive the pod), or a `configMap` / `secret` / `projected` volume (configuration). Node agents that really need host files belong in a dedicated namespace admitted at the `privileged` level, with the mounts `readOnly: true`.',
    messages: {
      hostPath: 'Volume `{volume}` in {resource} mounts `{path}` from the node (`hostPath`). Use an `emptyDir`, a `persistentVolumeClaim` or a `configMap` volume instead.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['KSV-0023'],
      pss: ['baseline: HostPath Volumes'],
      cis: ['5.2.12'],
    },
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n  volumes:\n  - name: cache\n    hostPath:\n      path: /var/cache/app\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n  volumes:\n  - name: cache\n    emptyDir: {}\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const mounts = volumeMountsOf(podSpec);
    for (const volume of hostPathVolumesOf(podSpec)) {
      const related: RelatedLocation[] = mounts
        .filter((mount) => volume.name !== undefined && mount.name === volume.name)
        .map((mount) => ({ range: mount.nameRange, message: `Mounted by ${describeContainer(mount.container)}.` }));
      context.report({
        messageId: 'hostPath',
        data: { volume: volume.name ?? '(unnamed)', resource: describeResource(resource), path: volume.path ?? '(no path)' },
        range: volume.keyRange,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
};
