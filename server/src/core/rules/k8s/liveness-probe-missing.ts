import { reportMissingProbe } from '../../kubernetes/probes';
import type { KubernetesRule } from '../define';

export const livenessProbeMissing: KubernetesRule = {
  meta: {
    id: 'k8s/liveness-probe-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container has no liveness probe (`livenessProbe`)',
    rationale:
      'A liveness probe lets the kubelet notice a container that is running but stuck (a deadlock, an exhausted thread pool) and restart it. Without one, a hung process keeps its place and its traffic until someone notices. Only regular containers are checked (not init or ephemeral ones), and not Jobs, CronJobs or pods with `restartPolicy` `Never` or `OnFailure`, which run to completion.',
    remediation:
      'Add a `livenessProbe` that checks something cheap which fails only when a restart would help (an HTTP `/livez` endpoint, a TCP connect), with a generous `failureThreshold` so slow moments do not cause restarts. When the container declares a TCP port, the quick fix adds a `tcpSocket` probe on it as a starting point; an HTTP or gRPC check of the application\'s own health endpoint is usually better.',
    messages: {
      missing: '{container} has no liveness probe (`livenessProbe`), so a hung process is never restarted. Add one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_8'],
      'kube-linter': ['no-liveness-probe'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n        ports:\n        - containerPort: 8080\n',
      secure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n        ports:\n        - containerPort: 8080\n        livenessProbe:\n          httpGet:\n            path: /livez\n            port: 8080\n',
    },
  },
  check(resource, context) {
    reportMissingProbe(resource, context, 'livenessProbe', (port) => `Add a TCP liveness probe on port ${port} (check it fits the application)`);
  },
};
