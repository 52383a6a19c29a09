/**
 * The tests the two probe rules share (`k8s/liveness-probe-missing`, `k8s/readiness-probe-missing`):
 * one pod spec in every workload kind, run-to-completion pods that are not checked, and each
 * rule's own `pass-probed-or-run-to-completion.yaml` and `fail-crlf.yaml` fixtures. The samples
 * differ only in the probe field they leave out or set.
 */
import type { ExpectedFinding, RuleTests } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

/**
 * `app` has no probe and a TCP port (the fix adds a probe on it), `sidecar` has both probes,
 * `worker` has no probe and no port (no fix); init and ephemeral containers are never checked.
 */
export const PROBES_SNIPPET =
  'initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  livenessProbe: {tcpSocket: {port: 9901}}\n  readinessProbe: {tcpSocket: {port: 9901}}\n- name: worker\n  image: ghcr.io/acme/worker:1.0.0\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n';

/** Jobs and CronJobs run to completion: not checked. */
const RUN_TO_COMPLETION = /\((Job|CronJob)\)$/;

export interface MissingProbeCase {
  /** The field the rule checks. */
  readonly probe: 'livenessProbe' | 'readinessProbe';
  readonly severity: NonNullable<ExpectedFinding['severity']>;
}

export function missingProbeTests({ probe, severity }: MissingProbeCase): RuleTests {
  return {
    valid: [
      { fixture: 'pass-probed-or-run-to-completion.yaml', name: 'a probe; a Job; a pod with restartPolicy OnFailure' },
      ...validInEveryKind('every regular container has a probe', `initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  ${probe}:\n    httpGet: {path: /healthz, port: 8080}\n`),
      ...validInEveryKind('run to completion', PROBES_SNIPPET).filter((sample) => RUN_TO_COMPLETION.test(sample.name!)),
      ...validInEveryKind('restartPolicy: Never', `restartPolicy: Never\n${PROBES_SNIPPET}`),
    ],
    invalid: [
      ...invalidInEveryKind(
        'regular containers without the probe (init and ephemeral containers are not checked)',
        PROBES_SNIPPET,
        [
          { line: 5, column: 9, endLine: 5, endColumn: 12, messageId: 'missing', messageIncludes: ['Container `app`', `\`${probe}\``], severity },
          { line: 13, column: 9, endLine: 13, endColumn: 15, messageId: 'missing', messageIncludes: ['Container `worker`'] },
        ],
        {
          fixed: `initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n  ${probe}:\n    tcpSocket:\n      port: 8080\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  livenessProbe: {tcpSocket: {port: 9901}}\n  readinessProbe: {tcpSocket: {port: 9901}}\n- name: worker\n  image: ghcr.io/acme/worker:1.0.0\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n`,
          remainingAfterFix: 1,
        },
      ).filter((sample) => !RUN_TO_COMPLETION.test(sample.name!)),
      {
        fixture: 'fail-crlf.yaml',
        name: 'CRLF, the first TCP port, a comment kept',
        findings: [{ line: 9, column: 15, endLine: 9, endColumn: 18, messageId: 'missing', messageIncludes: ['Deployment `api`'] }],
        fixedFixture: 'fail-crlf.fixed.yaml',
      },
    ],
  };
}
