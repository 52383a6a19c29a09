import { sshPort } from '../../../server/src/core/rules/k8s/ssh-port';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(sshPort, {
  valid: [
    { fixture: 'pass-no-ssh.yaml', name: 'another port, UDP 22, a Service port 22' },
    ...validInEveryKind('no port 22/TCP', 'containers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - containerPort: 2222\n  - containerPort: 22\n    protocol: UDP\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'port 22 in every container list',
      'initContainers:\n- name: init\n  image: busybox:1.36\n  ports: [{containerPort: 22, protocol: tcp}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  ports:\n  - name: ssh\n    containerPort: 22\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  ports:\n  - containerPort: "22"\n',
      [
        { line: 4, column: 27, endLine: 4, endColumn: 29, messageId: 'ssh', messageIncludes: ['Init container `init`'], severity: 'info' },
        { line: 10, column: 20, endLine: 10, endColumn: 22, messageId: 'ssh', messageIncludes: ['Container `app`', 'port 22 (SSH)'] },
        { line: 15, column: 20, endLine: 15, endColumn: 24, messageId: 'ssh', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-list.yaml',
      name: 'a List item; UDP 22 beside it is not reported',
      findings: [{ line: 15, column: 28, endLine: 15, endColumn: 30, messageId: 'ssh', messageIncludes: ['StatefulSet `bastion`'] }],
      noFix: true,
    },
  ],
});
