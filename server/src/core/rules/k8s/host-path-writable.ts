import { hostPathVolumesOf, normaliseHostPath, volumeMountsOf } from '../../kubernetes/volumes';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const hostPathWritable: KubernetesRule = {
  meta: {
    id: 'k8s/host-path-writable',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container mounts a `hostPath` volume writable',
    rationale:
      'A writable mount of a node directory lets the container change files the node (and every other pod on it) relies on: plant binaries or configuration that run outside the container, fill the node\'s disk, or tamper with other workloads\' data. Most agents that read host files (log shippers, metrics exporters) never need to write them.',
    remediation:
      'Add `readOnly: true` to the container\'s `volumeMounts` entry. If the workload must write, prefer an `emptyDir` or a `persistentVolumeClaim` over the node\'s filesystem.',
    messages: {
      writable: '{container} mounts host path volume `{volume}` (`{path}`) writable at `{mountPath}`. Add `readOnly: true` to the mount.',
    },
    fix: 'safe',
    equivalents: {
      'kube-linter': ['writable-host-mount'],
    },
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: logs\nspec:\n  template:\n    spec:\n      containers:\n      - name: shipper\n        image: ghcr.io/acme/shipper:3.0.1\n        volumeMounts:\n        - name: varlog\n          mountPath: /var/log\n      volumes:\n      - name: varlog\n        hostPath:\n          path: /var/log\n',
      secure: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: logs\nspec:\n  template:\n    spec:\n      containers:\n      - name: shipper\n        image: ghcr.io/acme/shipper:3.0.1\n        volumeMounts:\n        - name: varlog\n          mountPath: /var/log\n          readOnly: true\n      volumes:\n      - name: varlog\n        hostPath:\n          path: /var/log\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const hostPaths = new Map<string, string | undefined>();
    for (const volume of hostPathVolumesOf(podSpec)) if (volume.name !== undefined) hostPaths.set(volume.name, volume.path);
    if (hostPaths.size === 0) return;
    for (const mount of volumeMountsOf(podSpec)) {
      if (!hostPaths.has(mount.name) || mount.readOnly) continue;
      const path = hostPaths.get(mount.name);
      context.report({
        messageId: 'writable',
        data: {
          container: describeContainer(mount.container),
          volume: mount.name,
          path: path === undefined ? '(no path)' : normaliseHostPath(path),
          mountPath: mount.mountPath ?? '(no mountPath)',
        },
        range: mount.nameRange,
        fix: {
          title: 'Mount the host path read-only',
          edits: setIn(resource.file, resource.document, mount.node, ['readOnly'], 'true'),
        },
      });
    }
  },
};
