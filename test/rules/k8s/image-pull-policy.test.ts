import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import type { KubernetesRule } from '../../../server/src/core/rules/define';
import { imagePullPolicy } from '../../../server/src/core/rules/k8s/image-pull-policy';
import { findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

/** The rule is opt-in; the tester analyses with the default configuration, so test it enabled. */
const enabled: KubernetesRule = { ...imagePullPolicy, meta: { ...imagePullPolicy.meta, optIn: false } };

testRule(enabled, {
  valid: [
    { fixture: 'pass-always-or-pinned.yaml', name: 'Always; digest; latest and untagged default to Always' },
    ...validInEveryKind('Always, latest, templated', 'containers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: Always\n- name: latest\n  image: nginx\n- name: templated\n  image: "${IMAGE}"\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'tagged images without Always in every container list',
      'initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: IfNotPresent\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
      [
        { line: 3, column: 10, endLine: 3, endColumn: 22, messageId: 'unset', messageIncludes: ['Init container `init`', '`busybox:1.36`'], severity: 'info' },
        { line: 7, column: 3, endLine: 7, endColumn: 32, messageId: 'notAlways', messageIncludes: ['Container `app`', '`imagePullPolicy: IfNotPresent`'] },
        { line: 10, column: 10, endLine: 10, endColumn: 22, messageId: 'unset', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  imagePullPolicy: Always\ncontainers:\n- name: app\n  image: nginx:1.27\n  imagePullPolicy: Always\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n  imagePullPolicy: Always\n',
      },
    ),
    {
      fixture: 'fail-crlf.yaml',
      name: 'CRLF, comment kept',
      findings: [
        { line: 10, column: 16, endLine: 10, endColumn: 38, messageId: 'unset', messageIncludes: ['Deployment `web`'] },
        { line: 13, column: 9, endLine: 13, endColumn: 38, messageId: 'notAlways', messageIncludes: ['`redis:7.4`'] },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
    {
      fixture: 'fail-flow.yaml',
      name: 'flow-style containers',
      findings: [
        { line: 5, column: 36, endLine: 5, endColumn: 59, messageId: 'unset', messageIncludes: ['Pod `tool`'] },
        { line: 5, column: 99, endLine: 5, endColumn: 121, messageId: 'notAlways', messageIncludes: ['`imagePullPolicy: Never`'] },
      ],
      fixedFixture: 'fail-flow.fixed.yaml',
    },
  ],
});

describe('k8s/image-pull-policy', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  - name: local\n    image: dev/web:dev\n    imagePullPolicy: Never\n';
  it('is opt-in', () => {
    assert.equal(analyze({ fileName: 'pod.yaml', text }, { rules: ruleSetOf(imagePullPolicy) }).findings.length, 0);
  });
  it('adds Always unattended, but only suggests overriding an explicit policy', () => {
    assert.deepEqual(findingsOf(enabled, 'pod.yaml', text).map((finding) => finding.fix?.safe), [true, false]);
  });
});
