import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerRuntimeSocket } from '../../../server/src/core/rules/k8s/container-runtime-socket';
import { findingsOf, positionsOf, testRule } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const SOCKETS =
  'containers:\n- name: app\n  image: docker:27-cli\n  volumeMounts:\n  - name: docker\n    mountPath: /var/run/docker.sock\nvolumes:\n- name: docker\n  hostPath:\n    path: /var/run/docker.sock\n    type: Socket\n- name: containerd\n  hostPath: {path: "/run/containerd/containerd.sock/"}\n- name: crio\n  hostPath:\n    path: //var/run/crio//crio.sock\n';

testRule(containerRuntimeSocket, {
  valid: [
    { fixture: 'pass-other-host-paths.yaml' },
    ...validInEveryKind(
      'other volumes',
      'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: data\n  hostPath:\n    path: /var/lib/app\n- name: docker-lookalike\n  hostPath: {path: /var/run/docker.sock.d}\n- name: tmp\n  emptyDir: {}\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'Docker, containerd and CRI-O sockets',
      SOCKETS,
      [
        { line: 10, column: 11, endLine: 10, endColumn: 31, messageId: 'socket', messageIncludes: ['Volume `docker`', 'Docker socket `/var/run/docker.sock`'], severity: 'error' },
        { line: 13, column: 20, endLine: 13, endColumn: 54, messageId: 'socket', messageIncludes: ['containerd socket `/run/containerd/containerd.sock`'] },
        { line: 16, column: 11, endLine: 16, endColumn: 36, messageId: 'socket', messageIncludes: ['CRI-O socket `/var/run/crio/crio.sock`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 22, column: 21, endLine: 22, endColumn: 43, messageId: 'socket', messageIncludes: ['CronJob `cleanup`'] }],
      noFix: true,
    },
  ],
});

describe('k8s/container-runtime-socket related locations', () => {
  it('points at the containers that mount the socket volume', () => {
    const [pod] = inEveryWorkloadKind(SOCKETS);
    const [docker] = findingsOf(containerRuntimeSocket, 'pod.yaml', pod!.text);
    assert.deepEqual(
      docker!.related!.map((related) => ({ ...positionsOf(pod!.text, { ...docker!, range: related.range }), message: related.message })),
      [{ ...pod!.at(5, 11), endLine: pod!.at(5, 17).line, endColumn: pod!.at(5, 17).column, messageId: 'socket', message: 'Mounted by container `app` in Pod `app`.' }],
    );
  });
});
