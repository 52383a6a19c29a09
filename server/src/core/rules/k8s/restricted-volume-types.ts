import { describeResource } from '../../kubernetes/model';
import { volumesOf } from '../../kubernetes/volumes';
import { podSpecOf } from '../../kubernetes/workloads';
import { keyRange } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** Volume sources the Pod Security Standards restricted profile allows (PSA `restrictedVolumes`). */
const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

/** Reported by `k8s/host-path-volume` (an error there); not repeated here. */
const REPORTED_ELSEWHERE = new Set(['hostPath']);

export const restrictedVolumeTypes: KubernetesRule = {
  meta: {
    id: 'k8s/restricted-volume-types',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod uses a volume type the restricted Pod Security Standard does not allow',
    rationale:
      'The restricted profile allows only volume types that cannot reach outside what the cluster manages: `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected` and `secret`. Inline network and cloud volumes (`nfs`, `iscsi`, `rbd`, `cephfs`, `awsElasticBlockStore`, …) bypass PersistentVolume access control, and the pod is rejected by a namespace enforcing `restricted`. `hostPath` is reported by `k8s/host-path-volume` instead.',
    remediation:
      'Use a `persistentVolumeClaim` bound to a PersistentVolume (or a CSI driver) for the storage, so access is managed by the cluster administrator rather than written into the pod.',
    messages: {
      volumeType: 'Volume `{volume}` in {resource} is of type `{type}`, which the restricted Pod Security Standard does not allow. Use a `persistentVolumeClaim` (or another allowed type) instead.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['KSV-0028'],
      pss: ['restricted: Volume Types'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    volumeMounts:\n    - name: shared\n      mountPath: /shared\n  volumes:\n  - name: shared\n    nfs:\n      server: nfs.example.com\n      path: /exports/shared\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    volumeMounts:\n    - name: shared\n      mountPath: /shared\n  volumes:\n  - name: shared\n    persistentVolumeClaim:\n      claimName: shared\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const volume of volumesOf(podSpec)) {
      for (const type of volume.sources) {
        if (ALLOWED.has(type) || REPORTED_ELSEWHERE.has(type)) continue;
        context.report({
          messageId: 'volumeType',
          data: { volume: volume.name ?? '(unnamed)', resource: describeResource(resource), type },
          range: keyRange(volume.node, type),
        });
      }
    }
  },
};
