import { privilegedContainerPort } from '../../../server/src/core/rules/k8s/privileged-container-port';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(privilegedContainerPort, {
  valid: [
    { fixture: 'pass-high-ports.yaml', name: 'ports from 1024 up; a Service port 80 is not a container port' },
    ...validInEveryKind('unprivileged, zero and templated ports', 'containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n  - containerPort: 0\n  - containerPort: "${PORT}"\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'ports below 1024 in every container list',
      'initContainers:\n- name: init\n  image: busybox:1.36\n  ports: [{containerPort: 1}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 443\n  - containerPort: 8443\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  ports:\n  - containerPort: 1023\n',
      [
        { line: 4, column: 27, endLine: 4, endColumn: 28, messageId: 'port', messageIncludes: ['Init container `init`', 'port 1 '], severity: 'info' },
        { line: 9, column: 20, endLine: 9, endColumn: 23, messageId: 'port', messageIncludes: ['Container `app`', 'port 443'] },
        { line: 15, column: 20, endLine: 15, endColumn: 24, messageId: 'port', messageIncludes: ['Ephemeral container `debug`', 'port 1023'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'flow items, indented sequences, a quoted port, two documents',
      findings: [
        { line: 12, column: 39, endLine: 12, endColumn: 41, messageId: 'port', messageIncludes: ['Deployment `web`', 'port 80 '] },
        { line: 25, column: 26, endLine: 25, endColumn: 30, messageId: 'port', messageIncludes: ['Pod `dns`', 'port 53 '] },
      ],
      noFix: true,
    },
  ],
});
