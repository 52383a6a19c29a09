import { reportMissingProbe } from '../../kubernetes/probes';
import type { KubernetesRule } from '../define';

export const readinessProbeMissing: KubernetesRule = {
  meta: {
    id: 'k8s/readiness-probe-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container has no readiness probe (`readinessProbe`)',
    rationale:
      'A readiness probe tells Kubernetes when a container can take traffic. Without one, the pod joins its Services as soon as the process starts, before it has loaded its configuration or warmed up, and stays in them while it is overloaded or shutting down; rolling updates then drop requests. Only regular containers are checked (not init or ephemeral ones), and not Jobs, CronJobs or pods with `restartPolicy` `Never` or `OnFailure`, which run to completion.',
    remediation:
      'Add a `readinessProbe` that checks the application can serve requests (an HTTP `/readyz` endpoint that checks its dependencies, a TCP connect). When the container declares a TCP port, the quick fix adds a `tcpSocket` probe on it as a starting point; an HTTP or gRPC check of the application\'s own health endpoint is usually better.',
    messages: {
      missing: '{container} has no readiness probe (`readinessProbe`), so it gets traffic before it is ready. Add one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_9'],
      'kube-linter': ['no-readiness-probe'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n        ports:\n        - containerPort: 8080\n',
      secure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n        ports:\n        - containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /readyz\n            port: 8080\n',
    },
  },
  check(resource, context) {
    reportMissingProbe(resource, context, 'readinessProbe', (port) => `Add a TCP readiness probe on port ${port} (check it fits the application)`);
  },
};
