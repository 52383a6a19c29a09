/**
 * The check the probe rules share (liveness, readiness): regular containers of a long-running pod
 * that set no probe of one kind, with a quick fix that adds a `tcpSocket` probe skeleton.
 */
import type { RuleContext } from '../engine/types';
import { hasValue, scalarValue, valueOf } from '../yaml/yaml-document';
import { setIn } from '../yaml/yaml-edit';
import type { KubernetesResource } from './model';
import { containerPortsOf } from './ports';
import { containersOf, describeContainer, podSpecOf, type Container } from './workloads';

export type HealthProbe = 'livenessProbe' | 'readinessProbe';

/**
 * Kinds whose pods run to completion: they serve no traffic to gate, restarting a stuck container
 * is their controller's job, and checkov skips them too.
 */
const RUN_TO_COMPLETION_KINDS = new Set(['Job', 'CronJob']);

/**
 * Reports every regular container without `probe` as `missing`. Not checked: init and ephemeral
 * containers, Jobs and CronJobs, and pods with `restartPolicy` `Never` or `OnFailure` (they run to
 * completion). When the container declares a TCP port, the fix adds a `tcpSocket` probe on the
 * first one, titled by `fixTitle`.
 */
export function reportMissingProbe(resource: KubernetesResource, context: RuleContext, probe: HealthProbe, fixTitle: (port: number) => string): void {
  if (RUN_TO_COMPLETION_KINDS.has(resource.kind)) return;
  const podSpec = podSpecOf(resource);
  if (!podSpec) return;
  const restartPolicy = scalarValue(podSpec.node, 'restartPolicy', resource.document);
  if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') return;
  for (const container of containersOf(podSpec)) {
    if (container.list !== 'containers' || hasValue(valueOf(container.node, probe, resource.document))) continue;
    const port = firstTcpPort(container);
    context.report({
      messageId: 'missing',
      data: { container: describeContainer(container) },
      range: container.anchorRange,
      ...(port === undefined ? {} : { fix: { title: fixTitle(port), edits: setIn(resource.file, resource.document, container.node, [probe, 'tcpSocket', 'port'], String(port)) } }),
    });
  }
}

/** The first TCP port the container declares: the starting point of a probe skeleton. */
function firstTcpPort(container: Container): number | undefined {
  return containerPortsOf(container).find((port) => port.protocol === 'TCP' && port.containerPort !== undefined && port.containerPort > 0)?.containerPort;
}
