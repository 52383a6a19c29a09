import { probeHostField } from '../../../server/src/core/rules/k8s/probe-host-field';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const SNIPPET =
  'initContainers:\n- name: init\n  startupProbe:\n    tcpSocket: {host: 10.0.0.1, port: 22}\ncontainers:\n- name: app\n  livenessProbe:\n    httpGet:\n      host: 169.254.169.254   # metadata\n      path: /\n      port: 80\n  lifecycle:\n    postStart:\n      httpGet: {host: "localhost", port: 8080}\nephemeralContainers:\n- name: debug\n  readinessProbe:\n    httpGet:\n      host: example.com\n      port: 80\n';
const FIXED =
  'initContainers:\n- name: init\n  startupProbe:\n    tcpSocket: {port: 22}\ncontainers:\n- name: app\n  livenessProbe:\n    httpGet:\n      path: /\n      port: 80\n  lifecycle:\n    postStart:\n      httpGet: {port: 8080}\nephemeralContainers:\n- name: debug\n  readinessProbe:\n    httpGet:\n      port: 80\n';
const FINDINGS = [
  { line: 4, column: 17, endLine: 4, endColumn: 31, messageId: 'host', messageIncludes: ['Init container `init`', 'startup probe', '`tcpSocket.host`'] },
  { line: 9, column: 7, endLine: 9, endColumn: 28, messageId: 'host', messageIncludes: ['Container `app`', 'liveness probe', '`169.254.169.254`'] },
  { line: 14, column: 17, endLine: 14, endColumn: 34, messageId: 'host', messageIncludes: ['postStart hook'] },
  { line: 19, column: 7, endLine: 19, endColumn: 24, messageId: 'host', messageIncludes: ['Ephemeral container `debug`', 'readiness probe'] },
];

testRule(probeHostField, {
  valid: [
    { fixture: 'pass-pod-probes.yaml' },
    ...validInEveryKind('no host, or an empty one', 'containers:\n- name: app\n  livenessProbe:\n    httpGet: {path: /, port: 80, host: ""}\n  lifecycle:\n    preStop:\n      tcpSocket:\n        port: 80\n'),
  ],
  invalid: [
    ...invalidInEveryKind('before 1.34: info', SNIPPET, FINDINGS.map((finding) => ({ ...finding, severity: 'info' as const })), { fixed: FIXED }),
    ...invalidInEveryKind('from 1.34 the baseline forbids it: error', SNIPPET, FINDINGS.map((finding) => ({ ...finding, severity: 'error' as const })), { fixed: FIXED }).map((sample) => ({
      ...sample,
      config: { kubernetesVersion: '1.34' },
    })),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 19, column: 13, endLine: 19, endColumn: 34, messageId: 'host', messageIncludes: ['Container `api` in Deployment `api`'] },
        { line: 23, column: 23, endLine: 23, endColumn: 40, messageId: 'host', messageIncludes: ['`db.internal`'] },
        { line: 29, column: 15, endLine: 29, endColumn: 30, messageId: 'host', messageIncludes: ['preStop hook'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
