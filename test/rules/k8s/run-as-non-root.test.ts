import { runAsNonRoot } from '../../../server/src/core/rules/k8s/run-as-non-root';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(runAsNonRoot, {
  valid: [
    { fixture: 'pass-non-root.yaml' },
    ...validInEveryKind('pod-level true', 'securityContext:\n  runAsNonRoot: true\ncontainers:\n- name: app\n  image: nginx:1.27\n'),
    ...validInEveryKind(
      'every container true, pod level unset',
      'containers:\n- name: app\n  securityContext: {runAsNonRoot: true}\ninitContainers:\n- name: init\n  securityContext:\n    runAsNonRoot: true\n',
    ),
    ...validInEveryKind('user namespaces (hostUsers: false) relax the check from Kubernetes 1.35', 'hostUsers: false\ncontainers:\n- name: app\n  image: nginx:1.27\n').map((sample) => ({ ...sample, config: { kubernetesVersion: '1.35' } })),
    { name: 'runAsNonRoot inherited through a YAML merge key', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {}\nspec:\n  securityContext:\n    <<: {runAsNonRoot: true}\n  containers:\n  - name: app\n    image: nginx:1.27\n' },
    { name: 'no containers yet', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Never\n' },
  ],
  invalid: [
    {
      name: 'hostUsers: false relaxes the check only from Kubernetes 1.35 (the default version is older)',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostUsers: false\n  containers:\n  - name: app\n    image: nginx:1.27\n',
      config: { kubernetesVersion: '1.34' },
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'unset' }],
      fixedText: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostUsers: false\n  containers:\n  - name: app\n    image: nginx:1.27\n  securityContext:\n    runAsNonRoot: true\n',
    },
    ...invalidInEveryKind(
      'nothing set: points at the pod spec',
      'containers:\n- name: app\n  image: nginx:1.27\n',
      [{ line: 0, column: -1, endLine: 0, endColumn: 3, messageId: 'unset', messageIncludes: ['container `app` may run as root'] }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\nsecurityContext:\n  runAsNonRoot: true\n' },
    ),
    ...invalidInEveryKind(
      'pod securityContext without runAsNonRoot; one container sets it',
      'securityContext:\n  runAsUser: 10001\ncontainers:\n- name: app\n  securityContext: {runAsNonRoot: true}\n- name: sidecar\nephemeralContainers:\n- name: debug\n',
      [{ line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'unset', messageIncludes: ['containers `sidecar`, `debug` may run as root'] }],
      { fixed: 'securityContext:\n  runAsUser: 10001\n  runAsNonRoot: true\ncontainers:\n- name: app\n  securityContext: {runAsNonRoot: true}\n- name: sidecar\nephemeralContainers:\n- name: debug\n' },
    ),
    ...invalidInEveryKind(
      'explicit false at pod and container level',
      'securityContext:\n  runAsNonRoot: false\ncontainers:\n- name: app\n  securityContext:\n    runAsNonRoot: false\n- name: other\n',
      [
        { line: 2, column: 3, endLine: 2, endColumn: 22, messageId: 'podFalse' },
        { line: 6, column: 5, endLine: 6, endColumn: 24, messageId: 'containerFalse', messageIncludes: ['Container `app`'] },
      ],
      { fixed: 'securityContext:\n  runAsNonRoot: true\ncontainers:\n- name: app\n  securityContext:\n    runAsNonRoot: true\n- name: other\n' },
    ),
    {
      fixture: 'fail-empty-security-context.yaml',
      findings: [{ line: 12, column: 7, endLine: 12, endColumn: 22, messageId: 'unset', messageIncludes: ['Job `migrate`', 'container `migrate`'] }],
      fixedFixture: 'fail-empty-security-context.fixed.yaml',
    },
    {
      fixture: 'fail-crlf-four-spaces.yaml',
      findings: [{ line: 12, column: 21, endLine: 12, endColumn: 40, messageId: 'containerFalse', messageIncludes: ['Init container `chown`'] }],
      fixedFixture: 'fail-crlf-four-spaces.fixed.yaml',
    },
  ],
});
