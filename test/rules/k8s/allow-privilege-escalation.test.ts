import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowPrivilegeEscalation } from '../../../server/src/core/rules/k8s/allow-privilege-escalation';
import { findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(allowPrivilegeEscalation, {
  valid: [
    { fixture: 'pass-restricted.yaml' },
    ...validInEveryKind(
      'every container sets false',
      'initContainers:\n- name: init\n  image: busybox:1.36\n  securityContext: {allowPrivilegeEscalation: false}\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    allowPrivilegeEscalation: false\n',
    ),
    ...validInEveryKind('Windows pods are exempt', 'os:\n  name: windows\ncontainers:\n- name: app\n  image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'),
    { name: 'not a workload', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  allowPrivilegeEscalation: "true"\n' },
    { name: 'half-typed pod', text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - \n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'unset',
      'containers:\n- name: app\n  image: nginx:1.27\n',
      [{ line: 2, column: 9, endLine: 2, endColumn: 12, messageId: 'unset', messageIncludes: ['Container `app`'] }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    allowPrivilegeEscalation: false\n' },
    ),
    ...invalidInEveryKind(
      'explicit true',
      'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    allowPrivilegeEscalation: true # why?\n',
      [{ line: 5, column: 5, endLine: 5, endColumn: 35, messageId: 'allowed', messageIncludes: ['`allowPrivilegeEscalation: true`'] }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    allowPrivilegeEscalation: false # why?\n' },
    ),
    ...invalidInEveryKind(
      'init, regular and ephemeral containers; empty and flow securityContext',
      'initContainers:\n- name: init\n  image: busybox:1.36\n  securityContext:\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext: {runAsUser: 1000}\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
      [
        { line: 2, column: 9, endLine: 2, endColumn: 13, messageId: 'unset', messageIncludes: ['Init container `init`'] },
        { line: 6, column: 9, endLine: 6, endColumn: 12, messageId: 'unset', messageIncludes: ['Container `app`'] },
        { line: 10, column: 9, endLine: 10, endColumn: 14, messageId: 'unset', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  image: busybox:1.36\n  securityContext:\n    allowPrivilegeEscalation: false\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  securityContext:\n    allowPrivilegeEscalation: false\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 24, column: 15, endLine: 24, endColumn: 18, messageId: 'unset', messageIncludes: ['Container `api` in Deployment `api`'] },
        { line: 29, column: 11, endLine: 29, endColumn: 45, messageId: 'allowed', messageIncludes: ['`allowPrivilegeEscalation: "true"`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-list.yaml',
      findings: [
        { line: 10, column: 17, endLine: 10, endColumn: 20, messageId: 'unset', messageIncludes: ['Container `web` in Pod `web`'] },
        { line: 21, column: 21, endLine: 21, endColumn: 27, messageId: 'unset', messageIncludes: ['Container `worker` in Deployment `worker`'] },
      ],
      fixedFixture: 'fail-list.fixed.yaml',
    },
    {
      fixture: 'fail-four-spaces.yaml',
      findings: [{ line: 13, column: 31, endLine: 13, endColumn: 34, messageId: 'unset' }],
      fixedFixture: 'fail-four-spaces.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [
        { line: 7, column: 13, endLine: 7, endColumn: 16, messageId: 'unset' },
        { line: 10, column: 13, endLine: 10, endColumn: 17, messageId: 'unset' },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});

describe('k8s/allow-privilege-escalation fix safety', () => {
  it('offers the fix as a suggestion only when Kubernetes would reject it (privileged or SYS_ADMIN)', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: priv',
      '    securityContext: {privileged: true}',
      '  - name: admin',
      '    securityContext:',
      '      capabilities: {add: [SYS_ADMIN]}',
      '  - name: plain',
      '',
    ].join('\n');
    const findings = findingsOf(allowPrivilegeEscalation, 'pod.yaml', text);
    assert.deepEqual(findings.map((finding) => finding.fix?.safe), [false, false, true]);
  });
});
