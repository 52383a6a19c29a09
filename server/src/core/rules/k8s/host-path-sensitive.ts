import type { RelatedLocation } from '../../engine/types';
import { describeResource } from '../../kubernetes/model';
import { hostPathVolumesOf, normaliseHostPath, volumeMountsOf } from '../../kubernetes/volumes';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

/**
 * Host directories whose contents hand over the node: Trivy's and kube-linter's list (`/`, `/boot`,
 * `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`, `/var/lib/docker`), plus root's home and the
 * kubelet's and control plane's credentials. Exact paths only: subdirectories such as
 * `/etc/ssl/certs` or `/var/log` are routinely mounted by node agents and are left to
 * `k8s/host-path-volume`; runtime sockets are `k8s/container-runtime-socket`'s.
 */
const SENSITIVE_PATHS = new Set([
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/var/lib/docker',
  '/root',
  '/var/lib/kubelet',
  '/etc/kubernetes',
]);

export const hostPathSensitive: KubernetesRule = {
  meta: {
    id: 'k8s/host-path-sensitive',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod mounts a sensitive directory of the node',
    rationale:
      'Some host directories are the node: `/` and `/etc` hold its users, keys and configuration, `/proc`, `/sys` and `/dev` expose the kernel and its devices, `/boot`, `/lib` and `/usr` its code, `/var/lib/docker` every container\'s filesystem, and `/var/lib/kubelet` and `/etc/kubernetes` the credentials of the kubelet and the control plane. A pod that mounts one of them can read secrets of the whole node and, if it can write, take it over. Paths are compared exactly (after removing repeated and trailing slashes).',
    remediation:
      'Remove the volume. If the workload only needs some data from the node, mount the narrowest file or directory that holds it, `readOnly: true`; if it needs information about the node, get it through the Kubernetes API or the downward API.',
    messages: {
      sensitive: 'Volume `{volume}` in {resource} mounts the node\'s `{path}`, which exposes the node itself. Remove it, or mount only the narrowest path needed, read-only.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['sensitive-host-mounts'],
      trivy: ['KSV-0121'],
    },
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n      - name: agent\n        image: ghcr.io/acme/agent:2.1.0\n        volumeMounts:\n        - name: host-etc\n          mountPath: /host/etc\n      volumes:\n      - name: host-etc\n        hostPath:\n          path: /etc\n',
      secure: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n      - name: agent\n        image: ghcr.io/acme/agent:2.1.0\n        volumeMounts:\n        - name: os-release\n          mountPath: /host/etc/os-release\n          readOnly: true\n      volumes:\n      - name: os-release\n        hostPath:\n          path: /etc/os-release\n          type: File\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const mounts = volumeMountsOf(podSpec);
    for (const volume of hostPathVolumesOf(podSpec)) {
      if (volume.path === undefined || !volume.pathRange) continue;
      const path = normaliseHostPath(volume.path);
      if (!SENSITIVE_PATHS.has(path)) continue;
      const related: RelatedLocation[] = mounts
        .filter((mount) => volume.name !== undefined && mount.name === volume.name)
        .map((mount) => ({ range: mount.nameRange, message: `Mounted by ${describeContainer(mount.container)}${mount.readOnly ? ' (read-only)' : ''}.` }));
      context.report({
        messageId: 'sensitive',
        data: { volume: volume.name ?? path, resource: describeResource(resource), path },
        range: volume.pathRange,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
};
