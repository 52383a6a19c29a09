import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import { runAsLowUid } from '../../../server/src/core/rules/k8s/run-as-low-uid';
import { testRule, type InvalidSample, type Sample } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

/** The rule is opt-in: every sample turns it on. */
const config = { rules: { 'k8s/run-as-low-uid': 'info' as const } };
const on = <T extends Sample | InvalidSample>(samples: T[]): T[] => samples.map((sample) => ({ ...sample, config }));

testRule(runAsLowUid, {
  valid: on([
    { fixture: 'pass-high-ids.yaml' },
    ...validInEveryKind(
      'high IDs at pod level, overridden by high IDs',
      'securityContext: {runAsUser: 10001, runAsGroup: 10001}\ninitContainers:\n- name: init\n  securityContext: {runAsUser: 20000}\ncontainers:\n- name: app\nephemeralContainers:\n- name: debug\n  securityContext:\n    runAsGroup: 65534\n',
    ),
    ...validInEveryKind('a low pod value every container overrides', 'securityContext: {runAsUser: 1000, runAsGroup: 1000}\ncontainers:\n- name: app\n  securityContext: {runAsUser: 10001, runAsGroup: 10001}\n'),
    ...validInEveryKind('UID and GID 0 are other rules\' findings', 'securityContext: {runAsUser: 0, runAsGroup: 0}\ncontainers:\n- name: app\n'),
  ]),
  invalid: on([
    ...invalidInEveryKind(
      'low container values in init, regular and ephemeral containers',
      'securityContext: {runAsUser: 10001, runAsGroup: 10001}\ninitContainers:\n- name: init\n  securityContext: {runAsUser: 1000}\ncontainers:\n- name: app\n  securityContext:\n    runAsGroup: 999\nephemeralContainers:\n- name: debug\n  securityContext:\n    runAsUser: 1\n',
      [
        { line: 4, column: 21, endLine: 4, endColumn: 36, messageId: 'low', messageIncludes: ['Init container `init`', '`runAsUser: 1000`'] },
        { line: 8, column: 5, endLine: 8, endColumn: 20, messageId: 'low', messageIncludes: ['Container `app`', '`runAsGroup: 999`'] },
        { line: 12, column: 5, endLine: 12, endColumn: 17, messageId: 'low', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    ...invalidInEveryKind(
      'unset everywhere',
      'securityContext: {}\ncontainers:\n- name: app\n- name: side\n',
      [
        { line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'unset', messageIncludes: ['`runAsUser`', 'containers `app`, `side`'] },
        { line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'unset', messageIncludes: ['`runAsGroup`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 11, column: 9, endLine: 11, endColumn: 24, messageId: 'low', messageIncludes: ['StatefulSet `db` (pod-level', '`runAsGroup: 999`'], severity: 'info' },
        { line: 15, column: 27, endLine: 15, endColumn: 40, messageId: 'low', messageIncludes: ['Container `db` in StatefulSet `db`'] },
        { line: 25, column: 1, endLine: 25, endColumn: 5, messageId: 'unset', messageIncludes: ['Pod `bare`', '`runAsUser`'] },
        { line: 25, column: 1, endLine: 25, endColumn: 5, messageId: 'unset', messageIncludes: ['`runAsGroup`'] },
      ],
      noFix: true,
    },
  ]),
});

describe('k8s/run-as-low-uid is opt-in', () => {
  it('reports nothing unless configured', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext: {runAsUser: 1000}\n  containers:\n  - name: a\n';
    assert.equal(runAsLowUid.meta.optIn, true);
    assert.deepEqual(analyze({ fileName: 'p.yaml', text }, { rules: ruleSetOf(runAsLowUid) }).findings, []);
  });
});
