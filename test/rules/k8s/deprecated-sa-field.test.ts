import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deprecatedSaField } from '../../../server/src/core/rules/k8s/deprecated-sa-field';
import { findingsOf, testRule } from '../../support/rule-tester';
import { inEveryWorkloadKind } from '../../support/workloads';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const CONTAINERS = 'containers:\n- name: app\n  image: nginx:1.27\n';

testRule(deprecatedSaField, {
  valid: [
    { fixture: 'pass-current-field.yaml', name: 'serviceAccountName only; a ServiceAccount is not a pod spec' },
    ...validInEveryKind('serviceAccountName only', `serviceAccountName: app\n${CONTAINERS}`),
  ],
  invalid: [
    ...invalidInEveryKind(
      'serviceAccount alone',
      `serviceAccount: app\n${CONTAINERS}`,
      [{ line: 1, column: 1, endLine: 1, endColumn: 15, messageId: 'deprecated', messageIncludes: ['Rename it to `serviceAccountName`'], severity: 'info' }],
      { fixed: `serviceAccountName: app\n${CONTAINERS}` },
    ),
    ...invalidInEveryKind(
      'both, same value',
      `serviceAccountName: app\nserviceAccount: app\n${CONTAINERS}`,
      [{ line: 2, column: 1, endLine: 2, endColumn: 15, messageId: 'redundant' }],
      { fixed: `serviceAccountName: app\n${CONTAINERS}` },
    ),
    ...invalidInEveryKind(
      'both, different values',
      `${CONTAINERS}serviceAccountName: app\nserviceAccount: legacy\n`,
      [{ line: 5, column: 1, endLine: 5, endColumn: 15, messageId: 'conflicting', messageIncludes: ['`serviceAccount: legacy`', '`serviceAccountName: app` is the one that applies'] }],
      { fixed: `${CONTAINERS}serviceAccountName: app\n` },
    ),
    ...invalidInEveryKind(
      'an empty serviceAccountName beside it',
      `serviceAccountName:\nserviceAccount: app\n${CONTAINERS}`,
      [{ line: 2, column: 1, endLine: 2, endColumn: 15, messageId: 'deprecated' }],
      { fixed: `serviceAccountName: app\n${CONTAINERS}` },
    ),
    {
      fixture: 'fail-crlf.yaml',
      name: 'CRLF, comment kept',
      findings: [{ line: 8, column: 7, endLine: 8, endColumn: 21, messageId: 'deprecated', messageIncludes: ['StatefulSet `db`'] }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-flow.yaml',
      name: 'flow-style pod specs in two documents',
      findings: [
        { line: 4, column: 8, endLine: 4, endColumn: 22, messageId: 'deprecated', messageIncludes: ['Pod `web`'] },
        { line: 9, column: 93, endLine: 9, endColumn: 107, messageId: 'redundant', messageIncludes: ['Pod `api`'] },
      ],
      fixedFixture: 'fail-flow.fixed.yaml',
    },
  ],
});

describe('k8s/deprecated-sa-field fix safety', () => {
  it('renames and removes redundant copies unattended, but only suggests dropping a conflicting account', () => {
    const [pod] = inEveryWorkloadKind(`serviceAccountName: app\nserviceAccount: legacy\n${CONTAINERS}`);
    const [conflict] = findingsOf(deprecatedSaField, 'pod.yaml', pod!.text);
    assert.equal(conflict!.fix!.safe, false);
    const [renamed] = inEveryWorkloadKind(`serviceAccount: app\n${CONTAINERS}`);
    assert.equal(findingsOf(deprecatedSaField, 'pod.yaml', renamed!.text)[0]!.fix!.safe, true);
  });
});
