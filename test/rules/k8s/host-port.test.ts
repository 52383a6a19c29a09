import { hostPort } from '../../../server/src/core/rules/k8s/host-port';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(hostPort, {
  valid: [
    { fixture: 'pass-service.yaml', name: 'container ports, hostPort 0 and a NodePort Service' },
    ...validInEveryKind('no host ports', 'containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n  - {containerPort: 9090, hostPort: 0}\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'host ports in init, regular and ephemeral containers',
      'initContainers:\n- name: init\n  image: busybox:1.36\n  ports: [{containerPort: 8000, hostPort: 8000}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n    hostPort: 80\n    protocol: TCP\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  ports:\n  - hostPort: 2222\n    containerPort: 2222\n',
      [
        { line: 4, column: 33, endLine: 4, endColumn: 47, messageId: 'hostPort', messageIncludes: ['Init container `init`', 'port 8000'], severity: 'error' },
        { line: 10, column: 5, endLine: 10, endColumn: 17, messageId: 'hostPort', messageIncludes: ['Container `app`', 'port 80 on the node'] },
        { line: 16, column: 5, endLine: 16, endColumn: 19, messageId: 'hostPort', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  ports: [{containerPort: 8000}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 8080\n    protocol: TCP\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  ports:\n  - containerPort: 2222\n',
      },
    ),
    {
      fixture: 'fail-crlf.yaml',
      name: 'CRLF, hostPort first in its item, a flow item',
      findings: [
        { line: 10, column: 7, endLine: 10, endColumn: 19, messageId: 'hostPort', messageIncludes: ['Pod `web`', 'port 80'] },
        { line: 12, column: 29, endLine: 12, endColumn: 42, messageId: 'hostPort', messageIncludes: ['port 443'] },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-multi-document.yaml',
      name: 'indented sequences, a quoted port, comments kept',
      findings: [
        { line: 20, column: 15, endLine: 20, endColumn: 29, messageId: 'hostPort', messageIncludes: ['DaemonSet `ingress`', 'port 80'] },
        { line: 24, column: 15, endLine: 24, endColumn: 28, messageId: 'hostPort', messageIncludes: ['port 443'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
