import type { RelatedLocation } from '../../engine/types';
import { describeResource } from '../../kubernetes/model';
import { containersOf, describeContainer, podSpecOf, type PodSpec } from '../../kubernetes/workloads';
import { asMap, asScalar, mapAt, rangeOf, seqItems, stringValue, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** Host paths of container runtime sockets, without trailing slashes. */
const RUNTIME_SOCKETS: Readonly<Record<string, string>> = {
  '/var/run/docker.sock': 'Docker',
  '/run/docker.sock': 'Docker',
  '/run/containerd/containerd.sock': 'containerd',
  '/var/run/containerd/containerd.sock': 'containerd',
  '/var/run/crio/crio.sock': 'CRI-O',
  '/run/crio/crio.sock': 'CRI-O',
};

export const containerRuntimeSocket: KubernetesRule = {
  meta: {
    id: 'k8s/container-runtime-socket',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod mounts the container runtime socket',
    rationale:
      'Whoever can talk to the Docker, containerd or CRI-O socket can start a privileged container with the node\'s root filesystem mounted: mounting the socket into a pod hands that pod root on the node, and with it every other pod\'s secrets.',
    remediation:
      'Remove the `hostPath` volume and its `volumeMounts`. Build images with a daemonless builder (BuildKit rootless, Kaniko, Buildah) and read container state through the Kubernetes API instead.',
    messages: {
      socket: 'Volume `{volume}` in {resource} mounts the {runtime} socket `{path}` from the host, which gives the pod root on the node. Remove the volume and its mounts.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_27'],
      'kube-linter': ['docker-sock'],
      trivy: ['KSV-0006'],
    },
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - {name: docker, mountPath: /var/run/docker.sock}\n  volumes:\n    - name: docker\n      hostPath:\n        path: /var/run/docker.sock\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    for (const item of seqItems(valueOf(podSpec.node, 'volumes', document), document)) {
      const volume = asMap(item);
      const hostPath = mapAt(volume, ['hostPath'], document);
      const pathNode = asScalar(valueOf(hostPath, 'path', document));
      if (!pathNode || typeof pathNode.value !== 'string') continue;
      const path = normalisePath(pathNode.value);
      const runtime = RUNTIME_SOCKETS[path];
      if (!runtime) continue;
      const name = stringValue(volume, 'name', document);
      const related = name === undefined ? [] : mountsOf(podSpec, name);
      context.report({
        messageId: 'socket',
        data: { volume: name ?? path, resource: describeResource(resource), runtime, path },
        range: rangeOf(writtenValueOf(hostPath, 'path')!),
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
};

/** `//var/run//docker.sock/` → `/var/run/docker.sock`. */
function normalisePath(path: string): string {
  const collapsed = path.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/(?<!\/)\/+$/, '') : collapsed;
}

/** The `volumeMounts` entries that mount volume `name`, as related locations. */
function mountsOf(podSpec: PodSpec, name: string): RelatedLocation[] {
  const document = podSpec.resource.document;
  return containersOf(podSpec).flatMap((container) =>
    seqItems(valueOf(container.node, 'volumeMounts', document), document).flatMap((mount) => {
      const mountMap = asMap(mount);
      if (stringValue(mountMap, 'name', document) !== name) return [];
      return [{ range: rangeOf(writtenValueOf(mountMap, 'name')!), message: `Mounted by ${describeContainer(container)}.` }];
    }),
  );
}
