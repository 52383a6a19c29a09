import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostPathVolume } from '../../../server/src/core/rules/k8s/host-path-volume';
import { findingsOf, testRule } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const HOST_PATHS =
  'containers:\n- name: app\n  image: nginx:1.27\n  volumeMounts:\n  - name: data\n    mountPath: /data\ninitContainers:\n- name: init\n  image: busybox:1.36\n  volumeMounts: [{name: data, mountPath: /data}]\nvolumes:\n- name: data\n  hostPath:\n    path: /var/lib/app\n- name: logs\n  hostPath: {path: /var/log}\n- name: tmp\n  emptyDir: {}\n';

testRule(hostPathVolume, {
  valid: [
    { fixture: 'pass-managed-volumes.yaml', name: 'PVC, configMap and emptyDir volumes; a PersistentVolume is not a pod' },
    ...validInEveryKind('no hostPath volume', 'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: tmp\n  emptyDir: {}\n- name: empty\n  hostPath:\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'block and flow hostPath volumes',
      HOST_PATHS,
      [
        { line: 13, column: 3, endLine: 13, endColumn: 11, messageId: 'hostPath', messageIncludes: ['Volume `data`', '`/var/lib/app`'], severity: 'error' },
        { line: 16, column: 3, endLine: 16, endColumn: 11, messageId: 'hostPath', messageIncludes: ['Volume `logs`', '`/var/log`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 21, column: 22, endLine: 21, endColumn: 30, messageId: 'hostPath', messageIncludes: ['DaemonSet `agent`', '`/var/log`'] }],
      noFix: true,
    },
  ],
});

describe('k8s/host-path-volume related locations', () => {
  it('points at every container that mounts the volume, init containers included', () => {
    const [pod] = inEveryWorkloadKind(HOST_PATHS);
    const [data] = findingsOf(hostPathVolume, 'pod.yaml', pod!.text);
    assert.deepEqual(data!.related!.map((related) => related.message), ['Mounted by init container `init` in Pod `app`.', 'Mounted by container `app` in Pod `app`.']);
  });
});
