import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostPathSensitive } from '../../../server/src/core/rules/k8s/host-path-sensitive';
import { FIXTURES, findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(hostPathSensitive, {
  valid: [
    { fixture: 'pass-narrow-paths.yaml', name: 'subdirectories and look-alikes of sensitive paths' },
    ...validInEveryKind(
      'narrow or managed volumes',
      'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: logs\n  hostPath:\n    path: /var/log/app\n- name: tmp\n  emptyDir: {}\n- name: etc-like\n  hostPath: {path: /etcetera}\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'the node\'s /etc, /proc and /var/lib/docker',
      'containers:\n- name: app\n  image: nginx:1.27\nvolumes:\n- name: etc\n  hostPath:\n    path: /etc\n- name: proc\n  hostPath: {path: "/proc/", type: Directory}\n- name: docker\n  hostPath:\n    path: //var/lib//docker\n',
      [
        { line: 7, column: 11, endLine: 7, endColumn: 15, messageId: 'sensitive', messageIncludes: ['Volume `etc`', '`/etc`'], severity: 'error' },
        { line: 9, column: 20, endLine: 9, endColumn: 28, messageId: 'sensitive', messageIncludes: ['`/proc`'] },
        { line: 12, column: 11, endLine: 12, endColumn: 28, messageId: 'sensitive', messageIncludes: ['`/var/lib/docker`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-list.yaml',
      findings: [
        { line: 20, column: 28, endLine: 20, endColumn: 29, messageId: 'sensitive', messageIncludes: ['DaemonSet `node-inspector`', 'node\'s `/`'] },
        { line: 23, column: 19, endLine: 23, endColumn: 38, messageId: 'sensitive', messageIncludes: ['`/var/lib/kubelet`'] },
      ],
      noFix: true,
    },
  ],
});

describe('k8s/host-path-sensitive related locations', () => {
  it('names the containers that mount the volume and whether read-only', () => {
    const text = readFileSync(join(FIXTURES, 'k8s/host-path-sensitive/fail-list.yaml'), 'utf8');
    const findings = findingsOf(hostPathSensitive, 'list.yaml', text);
    assert.deepEqual(findings.map((finding) => finding.related?.map((related) => related.message)), [
      ['Mounted by container `inspector` in DaemonSet `node-inspector` (read-only).'],
      ['Mounted by container `inspector` in DaemonSet `node-inspector`.'],
    ]);
  });
});
