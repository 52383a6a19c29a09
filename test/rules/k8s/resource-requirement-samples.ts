/**
 * The tests the four resource rules share (`k8s/{cpu,memory}-{request,limit}-missing`): one pod
 * spec whose containers set different parts of `resources`, in every workload kind, plus each
 * rule's own `pass-set.yaml` and `fail-crlf.yaml` fixtures. A rule's test file says which field
 * it checks, which containers it reports and what the fix writes.
 */
import type { ExpectedFinding, RuleTests } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

/**
 * `init` sets nothing, `app` a memory limit, `sidecar` a CPU request; the ephemeral `debug`
 * container is never reported (ephemeral containers cannot have resources).
 */
export const RESOURCES_SNIPPET =
  'initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n';

/** The findings on the regular containers of `RESOURCES_SNIPPET`, in snippet coordinates. */
const REGULAR_CONTAINER_FINDINGS = {
  app: { line: 5, column: 9, endLine: 5, endColumn: 12, messageId: 'missing', messageIncludes: ['Container `app`'] },
  sidecar: { line: 9, column: 9, endLine: 9, endColumn: 16, messageId: 'missing', messageIncludes: ['Container `sidecar`'] },
} as const satisfies Record<string, ExpectedFinding>;

export interface ResourceRequirementCase {
  /** The field the rule checks, as its messages name it (e.g. ``'`resources.limits.cpu`'``). */
  readonly field: string;
  readonly severity: NonNullable<ExpectedFinding['severity']>;
  /** The regular containers of `RESOURCES_SNIPPET` reported besides `init` (which sets nothing). */
  readonly alsoReported: ReadonlyArray<keyof typeof REGULAR_CONTAINER_FINDINGS>;
  /** `RESOURCES_SNIPPET` after every fix. */
  readonly fixed: string;
}

export function resourceRequirementTests({ field, severity, alsoReported, fixed }: ResourceRequirementCase): RuleTests {
  return {
    valid: [
      { fixture: 'pass-set.yaml', name: 'limits (requests default to them), pod-level resources, an ephemeral container' },
      ...validInEveryKind('requests and limits set', 'containers:\n- name: app\n  image: nginx:1.27\n  resources:\n    requests: {cpu: 100m, memory: 128Mi}\n    limits: {cpu: 500m, memory: 256Mi}\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n'),
      ...validInEveryKind('pod-level resources', 'resources:\n  requests: {cpu: 250m, memory: 128Mi}\n  limits: {cpu: "1", memory: 512Mi}\ncontainers:\n- name: app\n  image: nginx:1.27\n'),
    ],
    invalid: [
      ...invalidInEveryKind(
        'init and regular containers (ephemeral ones cannot have resources)',
        RESOURCES_SNIPPET,
        [
          { line: 2, column: 9, endLine: 2, endColumn: 13, messageId: 'missing', messageIncludes: ['Init container `init`', field], severity },
          ...alsoReported.map((container) => REGULAR_CONTAINER_FINDINGS[container]),
        ],
        { fixed },
      ),
      {
        fixture: 'fail-crlf.yaml',
        name: 'CRLF, a comment kept, a flow container with empty resources in a second document',
        findings: [
          { line: 9, column: 15, endLine: 9, endColumn: 18, messageId: 'missing', messageIncludes: ['Deployment `api`'] },
          { line: 23, column: 22, endLine: 23, endColumn: 28, messageId: 'missing', messageIncludes: ['CronJob `report`'] },
        ],
        fixedFixture: 'fail-crlf.fixed.yaml',
      },
    ],
  };
}
