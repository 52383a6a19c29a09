import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEPRECATED_APIS, parseKubernetesVersion } from '../../../server/src/core/kubernetes/deprecated-apis';
import { deprecatedApiVersion } from '../../../server/src/core/rules/k8s/deprecated-api-version';
import { findingsOf, loadSample, testRule } from '../../support/rule-tester';

const cronJob = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: backup\n';
const flowSchema = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: f\n';
const ingress = 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: shop\n';
const API = (length: number) => ({ line: 1, column: 13, endLine: 1, endColumn: 13 + length });

testRule(deprecatedApiVersion, {
  valid: [
    { fixture: 'pass-current.yaml' },
    { name: 'batch/v1beta1 before its deprecation (1.20)', text: cronJob, config: { kubernetesVersion: '1.20' } },
    { name: 'flowcontrol v1beta3 before 1.29', text: flowSchema, config: { kubernetesVersion: '1.28' } },
    { name: 'networking.k8s.io/v1beta1 Ingress on 1.18', text: ingress, config: { kubernetesVersion: 'v1.18.4' } },
    { name: 'a kind the apiVersion never served is not in the table', text: 'apiVersion: batch/v1beta1\nkind: Job\nmetadata:\n  name: j\n' },
  ],
  invalid: [
    {
      fixture: 'fail-old-apis.yaml',
      findings: [
        { ...API(18), messageId: 'removed', severity: 'error', messageIncludes: ['`extensions/v1beta1` Deployment is no longer served from Kubernetes 1.16 (target: 1.31)', 'Use `apps/v1`'] },
        { line: 9, column: 13, endLine: 9, endColumn: 27, messageId: 'removed', messageIncludes: ['`apps/v1beta2` StatefulSet', '`spec.selector` is required'] },
        { line: 16, column: 13, endLine: 16, endColumn: 28, messageId: 'removed', messageIncludes: ['`batch/v1beta1` CronJob is no longer served from Kubernetes 1.25'] },
        { line: 21, column: 13, endLine: 21, endColumn: 27, messageId: 'removed', messageIncludes: ['PodDisruptionBudget', 'empty `selector`'] },
        { line: 26, column: 13, endLine: 26, endColumn: 27, messageId: 'removed', messageIncludes: ['PodSecurityPolicy has no replacement', 'pod-security.kubernetes.io/enforce'] },
        { line: 31, column: 13, endLine: 31, endColumn: 31, messageId: 'removed', messageIncludes: ['`extensions/v1beta1` Ingress', '`pathType` is required'] },
        { line: 36, column: 13, endLine: 36, endColumn: 49, messageId: 'deprecated', severity: 'warning', messageIncludes: ['deprecated since Kubernetes 1.29 and no longer served from 1.32'] },
      ],
      fixedFixture: 'fail-old-apis.fixed.yaml',
      remainingAfterFix: 3,
    },
    {
      name: 'deprecated only (warning) on 1.22',
      text: cronJob,
      config: { kubernetesVersion: '1.22' },
      findings: [{ ...API(13), messageId: 'deprecated', severity: 'warning', messageIncludes: ['deprecated since Kubernetes 1.21'] }],
      fixedText: cronJob.replace('batch/v1beta1', 'batch/v1'),
    },
    {
      name: 'removed (error) on 1.25 exactly',
      text: cronJob,
      config: { kubernetesVersion: '1.25' },
      findings: [{ ...API(13), messageId: 'removed', severity: 'error', messageIncludes: ['(target: 1.25)'] }],
    },
    {
      name: 'flowcontrol v1beta3 is removed on 1.32',
      text: flowSchema,
      config: { kubernetesVersion: '1.32' },
      findings: [{ ...API(36), messageId: 'removed', severity: 'error' }],
    },
    {
      name: 'Ingress on 1.19 is deprecated; no mechanical fix',
      text: ingress,
      config: { kubernetesVersion: '1.19' },
      findings: [{ ...API(25), messageId: 'deprecated', severity: 'warning' }],
      noFix: true,
    },
    {
      name: 'an unparseable target version falls back to the default (1.31)',
      text: flowSchema,
      config: { kubernetesVersion: 'latest' },
      findings: [{ ...API(36), messageId: 'deprecated', messageIncludes: ['deprecated since Kubernetes 1.29'] }],
    },
    {
      name: 'extensions/v1beta1 DaemonSet without spec.selector: no fix',
      text: 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template: {}\n',
      findings: [{ ...API(18), messageId: 'removed' }],
      noFix: true,
    },
    {
      name: 'RBAC v1beta1 in a List item is swapped',
      text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1beta1\n    kind: ClusterRole\n    metadata:\n      name: r\n',
      findings: [{ line: 4, column: 17, endLine: 4, endColumn: 50, messageId: 'removed' }],
      fixedText: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: ClusterRole\n    metadata:\n      name: r\n',
    },
  ],
});

describe('k8s/deprecated-api-version', () => {
  it('tags every finding as deprecated, for the editor to strike it through', () => {
    const { text } = loadSample(deprecatedApiVersion, { fixture: 'fail-old-apis.yaml' });
    const findings = findingsOf(deprecatedApiVersion, 'old.yaml', text);
    assert.ok(findings.length > 0);
    for (const finding of findings) assert.deepEqual(finding.tags, ['deprecated']);
  });

  it('fixes only what the table allows, and the PodDisruptionBudget swap is a suggestion', () => {
    const { text } = loadSample(deprecatedApiVersion, { fixture: 'fail-old-apis.yaml' });
    const fixes = findingsOf(deprecatedApiVersion, 'old.yaml', text).map((finding) => finding.fix && { safe: finding.fix.safe, to: finding.fix.edits[0]!.newText });
    assert.deepEqual(fixes, [
      { safe: true, to: 'apps/v1' },
      undefined,
      { safe: true, to: "'batch/v1'" },
      { safe: false, to: 'policy/v1' },
      undefined,
      undefined,
      { safe: true, to: 'flowcontrol.apiserver.k8s.io/v1' },
    ]);
  });

  it('has a consistent table', () => {
    for (const api of DEPRECATED_APIS.values()) {
      const deprecated = parseKubernetesVersion(api.deprecatedIn)!;
      const removed = parseKubernetesVersion(api.removedIn)!;
      assert.ok(deprecated[1] <= removed[1], `${api.apiVersion} ${api.kind}`);
      assert.ok(api.replacement !== undefined || api.migration === 'manual', `${api.apiVersion} ${api.kind}`);
    }
    assert.equal(DEPRECATED_APIS.get('extensions/v1beta1 NetworkPolicy')?.replacement, 'networking.k8s.io/v1');
    assert.equal(DEPRECATED_APIS.get('storage.k8s.io/v1beta1 StorageClass')?.deprecatedIn, '1.6');
  });
});
