import { containerPortsOf } from '../../kubernetes/ports';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

const SSH = 22;

export const sshPort: KubernetesRule = {
  meta: {
    id: 'k8s/ssh-port',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container exposes port 22 (SSH)',
    rationale:
      'A container that declares port 22/TCP is meant to run an SSH server: one more network service with passwords or keys to steal, host keys shared by every replica, and a way in that bypasses Kubernetes\' own authentication, authorization and audit of `kubectl exec`. Port 22 is reported when the container declares it as `containerPort` (TCP, the default protocol).',
    remediation:
      'Remove the SSH server and the port. Get a shell with `kubectl exec` (or `kubectl debug` with an ephemeral container) and copy files with `kubectl cp`; all of it goes through the API server\'s RBAC and audit log.',
    messages: {
      ssh: '{container} exposes port 22 (SSH): containers should not run an SSH server. Remove the port and use `kubectl exec` instead.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['ssh-port'],
    },
    references: ['https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n  - name: box\n    image: ghcr.io/acme/box:1.0.0\n    ports:\n    - containerPort: 22\n    - containerPort: 8080\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n  - name: box\n    image: ghcr.io/acme/box:1.0.0\n    ports:\n    - containerPort: 8080\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      for (const port of containerPortsOf(container)) {
        if (port.containerPort !== SSH || port.protocol !== 'TCP') continue;
        context.report({
          messageId: 'ssh',
          data: { container: describeContainer(container) },
          range: port.containerPortRange!,
        });
      }
    }
  },
};
