import { hostPathWritable } from '../../../server/src/core/rules/k8s/host-path-writable';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const VOLUMES = 'volumes:\n- name: host\n  hostPath:\n    path: /var/lib/app\n- name: tmp\n  emptyDir: {}\n';

testRule(hostPathWritable, {
  valid: [
    { fixture: 'pass-read-only.yaml' },
    ...validInEveryKind(
      'read-only host mounts, writable emptyDir, unknown volume',
      `containers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - {name: host, mountPath: /host, readOnly: true}\n  - name: tmp\n    mountPath: /tmp\n  - name: missing\n    mountPath: /missing\n${VOLUMES}`,
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'init, regular and ephemeral containers mount the host path writable',
      `initContainers:\n- name: init\n  image: busybox:1.36\n  volumeMounts: [{name: host, mountPath: /host}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: host\n    mountPath: /host\n    readOnly: false\n  - name: tmp\n    mountPath: /tmp\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  volumeMounts:\n  - mountPath: /host\n    name: host\n${VOLUMES}`,
      [
        { line: 4, column: 25, endLine: 4, endColumn: 29, messageId: 'writable', messageIncludes: ['Init container `init`', '`host` (`/var/lib/app`)', 'at `/host`'], severity: 'warning' },
        { line: 9, column: 11, endLine: 9, endColumn: 15, messageId: 'writable', messageIncludes: ['Container `app`'] },
        { line: 19, column: 11, endLine: 19, endColumn: 15, messageId: 'writable', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: `initContainers:\n- name: init\n  image: busybox:1.36\n  volumeMounts: [{name: host, mountPath: /host, readOnly: true}]\ncontainers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: host\n    mountPath: /host\n    readOnly: true\n  - name: tmp\n    mountPath: /tmp\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  volumeMounts:\n  - mountPath: /host\n    name: host\n    readOnly: true\n${VOLUMES}`,
      },
    ),
    {
      fixture: 'fail-crlf.yaml',
      name: 'CRLF, a flow mount, comments kept',
      findings: [
        { line: 12, column: 17, endLine: 12, endColumn: 23, messageId: 'writable', messageIncludes: ['DaemonSet `logs`', 'at `/var/log`'] },
        { line: 14, column: 18, endLine: 14, endColumn: 23, messageId: 'writable', messageIncludes: ['`state` (`/var/lib/shipper`)'] },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-multi-document.yaml',
      name: 'indented sequences, explicit readOnly: false, second document',
      findings: [{ line: 25, column: 25, endLine: 25, endColumn: 32, messageId: 'writable', messageIncludes: ['CronJob `cleanup`'] }],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});
