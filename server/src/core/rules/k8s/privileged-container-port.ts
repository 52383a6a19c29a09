import { containerPortsOf } from '../../kubernetes/ports';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

export const privilegedContainerPort: KubernetesRule = {
  meta: {
    id: 'k8s/privileged-container-port',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container listens on a privileged port (below 1024)',
    rationale:
      'Binding a port below 1024 needs root or the `NET_BIND_SERVICE` capability inside the container, so a container that listens on port 80 or 443 usually runs with more privilege than its job needs, and cannot drop all capabilities. The port a client sees is the Service\'s, not the container\'s: nothing is gained by listening low inside the pod.',
    remediation:
      'Make the application listen on a port of 1024 or above (e.g. 8080 instead of 80) and keep the well-known port on the Service (`port: 80`, `targetPort: 8080`).',
    messages: {
      port: '{container} listens on privileged port {port} (below 1024), which needs root or `NET_BIND_SERVICE`. Listen on a port of 1024 or above and map it in the Service.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['privileged-ports'],
      trivy: ['KSV-0117'],
    },
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginxinc/nginx-unprivileged:1.27\n    ports:\n    - containerPort: 8080\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      for (const port of containerPortsOf(container)) {
        if (port.containerPort === undefined || port.containerPort < 1 || port.containerPort > 1023) continue;
        context.report({
          messageId: 'port',
          data: { container: describeContainer(container), port: port.containerPort },
          range: port.containerPortRange!,
        });
      }
    }
  },
};
