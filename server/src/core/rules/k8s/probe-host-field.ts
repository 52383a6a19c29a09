import { isAtLeast, parseKubernetesVersion } from '../../kubernetes/pod-security';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { hasValue, mapAt, pairRange, stringValue, valueOf } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** Pod Security Admission's baseline forbids the field from this minor version. */
const BASELINE_SINCE = 34;
const HANDLERS: readonly (readonly [string, string])[] = [
  ['livenessProbe', 'liveness probe'],
  ['readinessProbe', 'readiness probe'],
  ['startupProbe', 'startup probe'],
  ['lifecycle.postStart', 'postStart hook'],
  ['lifecycle.preStop', 'preStop hook'],
];
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

export const probeHostField: KubernetesRule = {
  meta: {
    id: 'k8s/probe-host-field',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Probe or lifecycle hook connects to another host',
    rationale:
      'A probe or lifecycle hook with `httpGet.host` or `tcpSocket.host` makes the kubelet, which runs on the node with the node\'s network access, connect to any address the manifest names: a way to reach node-local or cloud metadata endpoints that the pod itself could not. Without `host` the kubelet connects to the pod\'s own IP. From Kubernetes 1.34 the Pod Security Standards baseline forbids a non-empty `host` in every container\'s probes and `postStart`/`preStop` hooks, so findings are errors when `kubernetesVersion` is 1.34 or later and info before.',
    remediation:
      'Remove `host` and let the probe target the pod; to check a virtual host, set an HTTP `Host` header in `httpGet.httpHeaders` instead.',
    messages: {
      host: '{container} has a {handler} that connects to `{host}` (`{action}.host`) instead of the pod. Remove `host` (use an `httpHeaders` Host header for virtual hosts).',
    },
    fix: 'suggestion',
    equivalents: {
      pss: ['baseline: Host Probes / Lifecycle Hooks'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    livenessProbe:\n      httpGet:\n        host: 169.254.169.254\n        path: /latest/meta-data/\n        port: 80\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 8080\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { file, document } = resource;
    const baseline = isAtLeast(parseKubernetesVersion(context.options.kubernetesVersion), BASELINE_SINCE);
    for (const container of containersOf(podSpec)) {
      for (const [path, handler] of HANDLERS) {
        for (const action of ACTIONS) {
          const target = mapAt(container.node, [...path.split('.'), action], document);
          const host = valueOf(target, 'host', document);
          if (!hasValue(host) || stringValue(target, 'host', document) === '') continue;
          context.report({
            messageId: 'host',
            data: { container: describeContainer(container), handler, action, host: stringValue(target, 'host', document) ?? '' },
            range: pairRange(target!, 'host')!,
            ...(baseline ? { severity: 'error' as const } : {}),
            fix: { title: 'Remove host (probe the pod itself)', edits: deletePair(file, target!, 'host') },
          });
        }
      }
    }
  },
};
