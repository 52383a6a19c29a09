import { memoryLimitMissing } from '../../../server/src/core/rules/k8s/memory-limit-missing';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const SNIPPET = 'initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n';
const FIXED = 'initContainers:\n- name: init\n  image: busybox:1.36\n  resources:\n    limits:\n      memory: "<memory limit, e.g. 512Mi>"\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\n    limits:\n      memory: "<memory limit, e.g. 512Mi>"\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n';

testRule(memoryLimitMissing, {
  valid: [
    { fixture: 'pass-set.yaml', name: 'limits (requests default to them), pod-level resources, an ephemeral container' },
    ...validInEveryKind('requests and limits set', 'containers:\n- name: app\n  image: nginx:1.27\n  resources:\n    requests: {cpu: 100m, memory: 128Mi}\n    limits: {cpu: 500m, memory: 256Mi}\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n'),
    ...validInEveryKind('pod-level resources', 'resources:\n  requests: {cpu: 250m, memory: 128Mi}\n  limits: {cpu: "1", memory: 512Mi}\ncontainers:\n- name: app\n  image: nginx:1.27\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'init and regular containers (ephemeral ones cannot have resources)',
      SNIPPET,
      [
        { line: 2, column: 9, endLine: 2, endColumn: 13, messageId: 'missing', messageIncludes: ['Init container `init`', '`resources.limits.memory`'], severity: 'warning' },
        { line: 9, column: 9, endLine: 9, endColumn: 16, messageId: 'missing', messageIncludes: ['Container `sidecar`'] },
      ],
      { fixed: FIXED },
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
});
