import { restrictedVolumeTypes } from '../../../server/src/core/rules/k8s/restricted-volume-types';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(restrictedVolumeTypes, {
  valid: [
    { fixture: 'pass-allowed.yaml', name: 'every volume type the restricted profile allows' },
    ...validInEveryKind(
      'allowed types; hostPath is k8s/host-path-volume\'s',
      'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: tmp\n  emptyDir: {}\n- name: host\n  hostPath:\n    path: /data\n- name: only-a-name\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'nfs, iscsi and a flow-style rbd volume',
      'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: shared\n  nfs:\n    server: nfs.example.com\n    path: /exports\n- name: block\n  iscsi: {targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0}\n- {name: ceph, rbd: {image: foo, monitors: ["10.0.0.2:6789"]}}\n',
      [
        { line: 6, column: 3, endLine: 6, endColumn: 6, messageId: 'volumeType', messageIncludes: ['Volume `shared`', 'type `nfs`'], severity: 'info' },
        { line: 10, column: 3, endLine: 10, endColumn: 8, messageId: 'volumeType', messageIncludes: ['type `iscsi`'] },
        { line: 11, column: 16, endLine: 11, endColumn: 19, messageId: 'volumeType', messageIncludes: ['Volume `ceph`', 'type `rbd`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'second document, comments, hostPath left to k8s/host-path-volume',
      findings: [
        { line: 19, column: 9, endLine: 19, endColumn: 12, messageId: 'volumeType', messageIncludes: ['StatefulSet `app`', '`nfs`'] },
        { line: 22, column: 9, endLine: 22, endColumn: 29, messageId: 'volumeType', messageIncludes: ['`awsElasticBlockStore`'] },
      ],
      noFix: true,
    },
  ],
});
