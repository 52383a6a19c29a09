import { probePortNotExposed } from '../../../server/src/core/rules/k8s/probe-port-not-exposed';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(probePortNotExposed, {
  valid: [
    { fixture: 'pass-declared.yaml', name: 'named and numeric ports declared; exec probes; no ports declared at all' },
    ...validInEveryKind(
      'probes on declared ports',
      'containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - name: http\n    containerPort: 8080\n  livenessProbe: {httpGet: {path: /, port: http}}\n  readinessProbe: {tcpSocket: {port: "8080"}}\n  startupProbe: {httpGet: {path: /, port: "${PORT}"}}\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'named and numeric ports missing, in regular and sidecar init containers',
      'initContainers:\n- name: proxy\n  image: envoyproxy/envoy:v1.31.0\n  restartPolicy: Always\n  ports: [{name: admin, containerPort: 9901}]\n  startupProbe: {tcpSocket: {port: 9902}}\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n  livenessProbe:\n    httpGet:\n      path: /livez\n      port: metrics\n  readinessProbe:\n    tcpSocket:\n      port: 80\n',
      [
        { line: 6, column: 36, endLine: 6, endColumn: 40, messageId: 'numeric', messageIncludes: ['Init container `proxy`', '`startupProbe` checks port 9902', '(9901)'], severity: 'info' },
        { line: 15, column: 13, endLine: 15, endColumn: 20, messageId: 'named', messageIncludes: ['Container `app`', '`livenessProbe` uses port `metrics`'], severity: 'warning' },
        { line: 18, column: 13, endLine: 18, endColumn: 15, messageId: 'numeric', messageIncludes: ['`readinessProbe` checks port 80', '(8080)'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'a renamed port with a comment; a gRPC probe in a flow mapping',
      findings: [
        { line: 16, column: 19, endLine: 16, endColumn: 23, messageId: 'named', messageIncludes: ['Deployment `api`', '`http`'] },
        { line: 26, column: 36, endLine: 26, endColumn: 40, messageId: 'numeric', messageIncludes: ['Pod `grpc`', 'port 9091'] },
      ],
      noFix: true,
    },
  ],
});
