import { containerPortsOf } from '../../kubernetes/ports';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { pairRange } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const hostPort: KubernetesRule = {
  meta: {
    id: 'k8s/host-port',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Container binds a port on the node (`hostPort`)',
    rationale:
      'A `hostPort` opens the port on the node\'s own address, around Services and most NetworkPolicy setups, so the container is reachable by anything that can reach the node. It also pins the pod to nodes where the port is free, limiting scheduling to one such pod per node. The Pod Security Standards baseline profile forbids host ports other than `0`.',
    remediation:
      'Remove `hostPort` and expose the container through a Service (`ClusterIP`, or `NodePort` / `LoadBalancer` / an Ingress when it must be reachable from outside the cluster).',
    messages: {
      hostPort: '{container} binds port {hostPort} on the node (`hostPort`), bypassing Services and network policies. Remove `hostPort` and expose it through a Service.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_26'],
      trivy: ['KSV-0024'],
      pss: ['baseline: Host Ports'],
      cis: ['5.2.13'],
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/concepts/configuration/overview/#services',
    ],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n      hostPort: 80\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      for (const port of containerPortsOf(container)) {
        if (port.hostPort === undefined || port.hostPort === 0) continue;
        context.report({
          messageId: 'hostPort',
          data: { container: describeContainer(container), hostPort: port.hostPort },
          range: pairRange(port.node, 'hostPort')!,
          fix: { title: 'Remove hostPort (expose the port through a Service)', edits: deletePair(resource.file, port.node, 'hostPort') },
        });
      }
    }
  },
};
