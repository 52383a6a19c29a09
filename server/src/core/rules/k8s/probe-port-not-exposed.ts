import { containerPortsOf, portNumber } from '../../kubernetes/ports';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { asScalar, mapAt, rangeOf, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** `${VAR}`, `$(VAR)`, `{{ … }}`: a value something else fills in, so nothing to judge. */
const TEMPLATED = /\$\{|\$\(|\{\{/;

export const probePortNotExposed: KubernetesRule = {
  meta: {
    id: 'k8s/probe-port-not-exposed',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Probe checks a port the container does not declare',
    rationale:
      'A probe that names a port (`port: http`) must find a port of that name in the container\'s `ports`, or the kubelet cannot resolve it and the probe fails every time: the container is restarted in a loop (liveness) or never gets traffic (readiness, startup). A numeric probe port that differs from every declared port is usually a typo or a port changed in one place only. ' +
      'Named ports missing from `ports` are reported as warnings; numeric ports only when the container declares some ports (declaring them is optional, so a container with no `ports` says nothing about which are open).',
    remediation:
      'Point the probe at one of the container\'s ports (by the same name or number), or declare the port the application really listens on in `ports`.',
    messages: {
      named: '{container}: `{probe}` uses port `{port}`, but no port of the container is named `{port}`, so the probe always fails. Name one of its `ports` `{port}` or use the port number.',
      numeric: '{container}: `{probe}` checks port {port}, which is not among the ports the container declares ({declared}). Fix the probe\'s port or declare {port} in `ports`.',
    },
    fix: 'none',
    equivalents: {
      'kube-linter': ['liveness-port', 'readiness-port', 'startup-port'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n    - name: web\n      containerPort: 8080\n    readinessProbe:\n      httpGet:\n        path: /readyz\n        port: http\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n    - name: http\n      containerPort: 8080\n    readinessProbe:\n      httpGet:\n        path: /readyz\n        port: http\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    for (const container of containersOf(podSpec)) {
      const ports = containerPortsOf(container);
      const names = new Set(ports.flatMap((port) => (port.name === undefined ? [] : [port.name])));
      const numbers = new Set(ports.flatMap((port) => (port.containerPort === undefined ? [] : [port.containerPort])));
      for (const probe of PROBES) {
        for (const handler of HANDLERS) {
          const handlerMap = mapAt(container.node, [probe, handler], document);
          const node = asScalar(valueOf(handlerMap, 'port', document));
          if (!node || node.value === null || node.value === undefined) continue;
          const number = portNumber(node.value);
          const data = { container: describeContainer(container), probe };
          if (number !== undefined) {
            if (numbers.size === 0 || numbers.has(number)) continue;
            const declared = [...numbers].join(', ');
            context.report({ messageId: 'numeric', data: { ...data, port: number, declared }, range: rangeOf(writtenValueOf(handlerMap, 'port')!) });
          } else if (typeof node.value === 'string') {
            const name = node.value.trim();
            if (name === '' || TEMPLATED.test(name) || names.has(name)) continue;
            context.report({ messageId: 'named', data: { ...data, port: name }, range: rangeOf(writtenValueOf(handlerMap, 'port')!), severity: 'warning' });
          }
        }
      }
    }
  },
};
