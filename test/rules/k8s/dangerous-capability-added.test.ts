import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dangerousCapabilityAdded } from '../../../server/src/core/rules/k8s/dangerous-capability-added';
import { applyEdits } from '../../../server/src/core/index';
import { findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(dangerousCapabilityAdded, {
  valid: [
    { fixture: 'pass-harmless.yaml' },
    ...validInEveryKind(
      'harmless additions; dangerous ones only dropped',
      'initContainers:\n- name: init\n  securityContext: {capabilities: {add: [CHOWN]}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      drop: [SYS_ADMIN, ALL]\n      add: [NET_ADMIN]\n',
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'init, regular and ephemeral containers',
      'initContainers:\n- name: init\n  securityContext: {capabilities: {add: [SYS_ADMIN]}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      add:\n      - CHOWN\n      - NET_RAW   # ping\nephemeralContainers:\n- name: debug\n  securityContext:\n    capabilities:\n      add: ["all", SYS_MODULE]\n',
      [
        { line: 3, column: 42, endLine: 3, endColumn: 51, messageId: 'dangerous', messageIncludes: ['Init container `init`', '`SYS_ADMIN`'] },
        { line: 10, column: 9, endLine: 10, endColumn: 16, messageId: 'dangerous', messageIncludes: ['Container `app`', '`NET_RAW`'] },
        { line: 15, column: 13, endLine: 15, endColumn: 18, messageId: 'dangerous', messageIncludes: ['Ephemeral container `debug`', '`all`'] },
        { line: 15, column: 20, endLine: 15, endColumn: 30, messageId: 'dangerous', messageIncludes: ['`SYS_MODULE`'] },
      ],
      {
        fixed:
          'initContainers:\n- name: init\n  securityContext: {capabilities: {}}\ncontainers:\n- name: app\n  securityContext:\n    capabilities:\n      add:\n      - CHOWN\nephemeralContainers:\n- name: debug\n  securityContext:\n    capabilities:\n      {}\n',
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 22, column: 15, endLine: 22, endColumn: 28, messageId: 'dangerous', messageIncludes: ['Container `fuse` in DaemonSet `fuse`', '`cap_sys_admin`'], severity: 'error' },
        { line: 24, column: 15, endLine: 24, endColumn: 25, messageId: 'dangerous' },
        { line: 28, column: 32, endLine: 28, endColumn: 39, messageId: 'dangerous', messageIncludes: ['Container `pinger`'] },
        { line: 28, column: 41, endLine: 28, endColumn: 46, messageId: 'dangerous' },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});

describe('k8s/dangerous-capability-added fix', () => {
  it('is a suggestion: removing a capability the workload asked for can break it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    securityContext: {capabilities: {add: [SYS_ADMIN]}}\n';
    assert.deepEqual(findingsOf(dangerousCapabilityAdded, 'pod.yaml', text).map((finding) => finding.fix?.safe), [false]);
  });

  it('an item written as an alias is reported and removed where it is written, never at the anchor', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {cap: &cap SYS_ADMIN}\nspec:\n  containers:\n  - name: a\n    securityContext: {capabilities: {add: [*cap, NET_RAW]}}\n';
    const [finding] = findingsOf(dangerousCapabilityAdded, 'pod.yaml', text).filter((candidate) => candidate.message.includes('SYS_ADMIN'));
    assert.equal(text.slice(finding!.range.start, finding!.range.end), '*cap');
    assert.equal(applyEdits(text, finding!.fix!.edits), text.replace('[*cap, NET_RAW]', '[NET_RAW]'));
  });

  it('a capability in a list written as an alias is reported at the alias, with no fix (the list is shared)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {caps: &caps [SYS_ADMIN]}\nspec:\n  containers:\n  - name: a\n    securityContext: {capabilities: {add: *caps}}\n';
    const [finding] = findingsOf(dangerousCapabilityAdded, 'pod.yaml', text);
    assert.equal(text.slice(finding!.range.start, finding!.range.end), '*caps');
    assert.equal(finding!.fix, undefined);
  });
});
