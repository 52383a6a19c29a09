import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import type { KubernetesRule } from '../../../server/src/core/rules/define';
import { imageNoDigest } from '../../../server/src/core/rules/k8s/image-no-digest';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

/** The rule is opt-in; the tester analyses with the default configuration, so test it enabled. */
const enabled: KubernetesRule = { ...imageNoDigest, meta: { ...imageNoDigest.meta, optIn: false } };
const DIGEST = 'sha256:6b3c5a3f0d0e4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192';

testRule(enabled, {
  valid: [
    { fixture: 'pass-digests.yaml', name: 'digests; templated and missing images' },
    ...validInEveryKind('digests everywhere', `initContainers:\n- name: init\n  image: busybox@${DIGEST}\ncontainers:\n- name: app\n  image: nginx:1.27@${DIGEST}\n`),
  ],
  invalid: [
    ...invalidInEveryKind(
      'tags without digests in every container list',
      'initContainers:\n- name: init\n  image: busybox:1.36\ncontainers:\n- name: app\n  image: "nginx:1.27"\nephemeralContainers:\n- name: debug\n  image: localhost:5000/debug\n',
      [
        { line: 3, column: 10, endLine: 3, endColumn: 22, messageId: 'noDigest', messageIncludes: ['Init container `init`', '`busybox:1.36`'], severity: 'info' },
        { line: 6, column: 10, endLine: 6, endColumn: 22, messageId: 'noDigest', messageIncludes: ['Container `app`', '`nginx:1.27`'] },
        { line: 9, column: 10, endLine: 9, endColumn: 30, messageId: 'noDigest', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      name: 'comments, a flow pod spec, a registry port',
      findings: [
        { line: 10, column: 16, endLine: 10, endColumn: 28, messageId: 'noDigest', messageIncludes: ['Deployment `web`'] },
        { line: 17, column: 41, endLine: 17, endColumn: 73, messageId: 'noDigest', messageIncludes: ['`registry.example.com:5000/tool`'] },
      ],
      noFix: true,
    },
  ],
});

describe('k8s/image-no-digest is opt-in', () => {
  it('reports nothing until configured', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    assert.equal(analyze({ fileName: 'pod.yaml', text }, { rules: ruleSetOf(imageNoDigest) }).findings.length, 0);
    assert.equal(analyze({ fileName: 'pod.yaml', text }, { rules: ruleSetOf(imageNoDigest), config: { rules: { 'k8s/image-no-digest': 'warning' } } }).findings.length, 1);
  });
});
