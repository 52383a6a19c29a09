/**
 * The peers' suppression syntaxes (SPEC §3), mapped to Bulkhead rules through `equivalents`;
 * unused suppressions reported; suppressed findings kept with their suppression (for SARIF).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_RULE_SET, findRule, normalizePeerId, ruleSetOf, UNUSED_SUPPRESSION_CODE, unusedSuppressionFindings, type AnalysisConfig, type RuleSet } from '../../server/src/core/index';

const rules = (...ids: string[]): RuleSet => {
  const sets = ids.map((id) => ruleSetOf(findRule(id)!));
  return {
    dockerfile: sets.flatMap((set) => set.dockerfile),
    kubernetes: sets.flatMap((set) => set.kubernetes),
    compose: sets.flatMap((set) => set.compose),
    crossFile: sets.flatMap((set) => set.crossFile ?? []),
  };
};
const DOCKER = rules('dockerfile/user-root', 'dockerfile/from-latest-tag');
const K8S = rules('k8s/privileged-container', 'k8s/host-namespaces');

const run = (fileName: string, text: string, ruleSet: RuleSet = fileName.endsWith('.yaml') ? K8S : DOCKER, config?: AnalysisConfig) =>
  analyze({ fileName, text }, { rules: ruleSet, ...(config ? { config } : {}) });
const ids = (result: ReturnType<typeof run>) => result.findings.map((finding) => finding.ruleId);
/** `[start, end)` of the `occurrence`-th `part` of `text`. */
const rangeOf = (text: string, part: string, occurrence = 1) => {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) start = text.indexOf(part, start + 1);
  assert.ok(start >= 0, `${part} not in text`);
  return { start, end: start + part.length };
};

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

describe('hadolint ignore comments', () => {
  it('hide the mapped rule on the next instruction only, and keep the finding as suppressed', () => {
    const text = 'FROM alpine:latest AS a\n# hadolint ignore=DL3007\nFROM alpine:latest AS b\nUSER app\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(result.findings.map((finding) => [finding.ruleId, finding.range]), [['dockerfile/from-latest-tag', rangeOf(text, 'latest', 1)]]);
    const [suppression] = result.suppressions;
    assert.deepEqual(suppression && { source: suppression.source, ruleIds: suppression.ruleIds, writtenIds: suppression.writtenIds, scope: suppression.scope, range: suppression.range, lines: [suppression.firstLine, suppression.lastLine] }, {
      source: 'hadolint',
      ruleIds: ['dockerfile/from-latest-tag'],
      writtenIds: ['DL3007'],
      scope: 'line',
      range: rangeOf(text, '# hadolint ignore=DL3007'),
      lines: [2, 2],
    });
    assert.deepEqual(result.suppressedFindings.map(({ finding, suppression: by }) => [finding.ruleId, finding.range, by.source]), [['dockerfile/from-latest-tag', rangeOf(text, 'latest', 2), 'hadolint']]);
    assert.deepEqual(result.unusedSuppressions, []);
  });

  it('read several ids; ids no rule maps (ShellCheck, other checks) are the peer’s own business', () => {
    const text = '# hadolint ignore=SC2086, DL3007,DL3002\nFROM alpine:latest\nUSER root\n# hadolint ignore=DL3059,SC1091\nRUN echo\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(ids(result), ['dockerfile/user-root']);
    assert.equal(result.suppressions.length, 1, 'the second comment names nothing of ours');
    assert.deepEqual(result.suppressions[0]!.ruleIds, ['dockerfile/from-latest-tag', 'dockerfile/user-root']);
    assert.deepEqual(result.unusedSuppressions, []);
  });

  it('`hadolint global ignore=` covers the whole file', () => {
    const text = 'FROM alpine:latest AS a\n# hadolint global ignore=DL3007\nFROM alpine:latest\nUSER app\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(ids(result), []);
    assert.equal(result.suppressions[0]!.scope, 'file');
    assert.equal(result.suppressedFindings.length, 2);
  });

  it('cover a whole multi-line instruction', () => {
    const text = 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER \\\n  root\n';
    assert.deepEqual(ids(run('Dockerfile', text)), []);
  });

  it('mean nothing in YAML', () => {
    const text = `# hadolint ignore=DL3002\n${POD('a')}`;
    assert.deepEqual(run('pod.yaml', text).suppressions, []);
  });
});

describe('checkov skip comments', () => {
  it('in a Dockerfile cover the whole file, with the reason after the colon', () => {
    const text = 'FROM alpine:3.20\nUSER root\n# checkov:skip=CKV_DOCKER_8:the base image needs root\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(ids(result), []);
    const [hidden] = result.suppressedFindings;
    assert.equal(hidden?.suppression.source, 'checkov');
    assert.equal(hidden?.suppression.reason, 'the base image needs root');
    assert.equal(hidden?.suppression.scope, 'file');
    assert.deepEqual(hidden?.suppression.range, rangeOf(text, '# checkov:skip=CKV_DOCKER_8:the base image needs root'));
  });

  it('in YAML cover the document holding them, anywhere in it, and no other document', () => {
    const text = `${POD('a')}    # checkov:skip=CKV_K8S_16,CKV_K8S_19: privileged by design\n---\n${POD('b')}`;
    const result = run('pods.yaml', text);
    assert.deepEqual(result.findings.map((finding) => finding.range), [rangeOf(text, 'privileged: true', 2)].map((range) => ({ start: range.start, end: range.end })).map(() => result.findings[0]!.range));
    assert.equal(result.findings.length, 1);
    assert.ok(result.findings[0]!.range.start > text.indexOf('---'), 'the second Pod keeps its finding');
    const [suppression] = result.suppressions;
    assert.equal(suppression?.scope, 'document');
    assert.deepEqual([suppression?.firstLine, suppression?.lastLine], [0, 10]);
    assert.equal(suppression?.reason, 'privileged by design');
    assert.deepEqual(suppression?.writtenIds, ['CKV_K8S_16', 'CKV_K8S_19']);
    assert.deepEqual(result.unusedSuppressions, [], 'one of its ids hid a finding');
  });

  it('must be in a comment', () => {
    const text = `${POD('a', '  annotations:\n    note: "checkov:skip=CKV_K8S_16"\n')}`;
    assert.equal(run('pod.yaml', text).findings.length, 1);
  });
});

describe('trivy ignore comments', () => {
  for (const written of ['KSV-0017', 'KSV017', 'AVD-KSV-0017', 'ksv017', 'KSV-0017:exp:2099-01-01']) {
    it(`#trivy:ignore:${written} on the line above hides the finding below`, () => {
      const text = POD('a').replace('        privileged: true', `        #trivy:ignore:${written}\n        privileged: true`);
      const result = run('pod.yaml', text);
      assert.deepEqual(ids(result), []);
      assert.deepEqual(result.suppressions[0]?.range, rangeOf(text, `#trivy:ignore:${written}`));
      assert.deepEqual(result.suppressions[0]?.ruleIds, ['k8s/privileged-container']);
    });
  }

  it('at the end of a line covers that line; in a Dockerfile too', () => {
    const yaml = POD('a').replace('privileged: true', 'privileged: true # trivy:ignore:KSV-0017');
    assert.deepEqual(ids(run('pod.yaml', yaml)), []);
    const text = 'FROM alpine:3.20\n# trivy:ignore:DS002\nUSER root\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(ids(result), []);
    assert.deepEqual(result.suppressions[0]?.range, rangeOf(text, '# trivy:ignore:DS002'));
  });

  it('normalises the legacy id spellings', () => {
    for (const id of ['KSV001', 'ksv-1', 'AVD-KSV-0001', 'KSV-0001']) assert.equal(normalizePeerId('trivy', id), 'KSV-0001');
    assert.equal(normalizePeerId('trivy', 'AVD-DS-0002'), 'DS-0002');
    assert.equal(normalizePeerId('checkov', 'ckv_k8s_16'), 'CKV_K8S_16');
    assert.equal(normalizePeerId('kube-linter', 'Privileged-Container'), 'privileged-container');
  });
});

describe('kube-linter annotations', () => {
  it('ignore-check.kube-linter.io/<check> hides the mapped rule for its resource only, with the value as reason', () => {
    const annotations = '  annotations:\n    ignore-check.kube-linter.io/privileged-container: "node agent"\n    ignore-check.kube-linter.io/no-such-check: "x"\n';
    const text = `${POD('a', annotations)}---\n${POD('b')}`;
    const result = run('pods.yaml', text);
    assert.equal(result.findings.length, 1);
    assert.ok(result.findings[0]!.range.start > text.indexOf('---'));
    assert.deepEqual(result.suppressions.map((suppression) => [suppression.source, suppression.scope, suppression.writtenIds, suppression.range, suppression.reason]), [
      ['kube-linter', 'resource', ['privileged-container'], rangeOf(text, 'ignore-check.kube-linter.io/privileged-container: "node agent"'), 'node agent'],
    ]);
    assert.equal(result.suppressedFindings[0]?.suppression.source, 'kube-linter');
  });

  it('kube-linter.io/ignore-all hides every rule for the resource', () => {
    const text = POD('a', '  annotations:\n    kube-linter.io/ignore-all: ""\n').replace('spec:\n', 'spec:\n  hostNetwork: true\n');
    const result = run('pod.yaml', text);
    assert.deepEqual(ids(result), []);
    assert.equal(result.suppressedFindings.length, 2);
  });

  it('the bulkhead.dev/ignore annotation is a suppression with its range, and can be unused', () => {
    const text = POD('a', '  annotations:\n    bulkhead.dev/ignore: "k8s/host-namespaces -- not here"\n');
    const result = run('pod.yaml', text);
    assert.deepEqual(ids(result), ['k8s/privileged-container']);
    assert.deepEqual(result.unusedSuppressions.map((unused) => [unused.suppression.range, unused.suppression.reason, unused.message]), [
      [rangeOf(text, 'bulkhead.dev/ignore: "k8s/host-namespaces -- not here"'), 'not here', 'Unused suppression: no finding of k8s/host-namespaces to hide.'],
    ]);
  });
});

describe('unused suppressions', () => {
  it('a peer comment that hides nothing is reported, with its range and the mapped rule', () => {
    const text = 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER app\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(result.unusedSuppressions.map((unused) => [unused.severity, unused.suppression.range, unused.message]), [
      ['info', rangeOf(text, '# hadolint ignore=DL3002'), 'Unused hadolint suppression: no finding of DL3002 (dockerfile/user-root) to hide.'],
    ]);
    assert.deepEqual(unusedSuppressionFindings(result).map((finding) => [finding.ruleId, finding.severity, finding.range]), [[UNUSED_SUPPRESSION_CODE, 'info', rangeOf(text, '# hadolint ignore=DL3002')]]);
  });

  it('so are Bulkhead’s own comments, with or without ids', () => {
    const text = 'FROM alpine:3.20\n# bulkhead-ignore dockerfile/user-root\nUSER app\n# bulkhead-ignore\nUSER app\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(result.unusedSuppressions.map((unused) => unused.message), ['Unused suppression: no finding of dockerfile/user-root to hide.', 'Unused suppression: no finding to hide.']);
  });

  it('are not judged when a rule they name did not run (off, unknown, or cross-file without a workspace)', () => {
    const text = 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER app\n# bulkhead-ignore dockerfile/not-a-rule\nUSER app\n';
    assert.deepEqual(run('Dockerfile', text, DOCKER, { rules: { 'dockerfile/user-root': 'off' } }).unusedSuppressions.map((unused) => unused.suppression.source), []);
    const crossFile = `${POD('a')}# bulkhead-ignore-file k8s/rbac-binding-dangerous-role\n`;
    assert.deepEqual(run('pod.yaml', crossFile, DEFAULT_RULE_SET).unusedSuppressions.filter((unused) => unused.suppression.scope === 'file'), []);
  });

  it('follow the configured severity of bulkhead/unused-suppression, or none when off', () => {
    const text = 'FROM alpine:3.20\n# bulkhead-ignore dockerfile/user-root\nUSER app\n';
    assert.equal(run('Dockerfile', text, DOCKER, { rules: { [UNUSED_SUPPRESSION_CODE]: 'warning' } }).unusedSuppressions[0]?.severity, 'warning');
    assert.deepEqual(run('Dockerfile', text, DOCKER, { rules: { [UNUSED_SUPPRESSION_CODE]: 'off' } }).unusedSuppressions, []);
  });

  it('are not reported in YAML that is not ours', () => {
    assert.deepEqual(run('ci.yaml', '# checkov:skip=CKV_K8S_16\non: push\n').unusedSuppressions, []);
  });

  it('two suppressions hiding the same finding are both used', () => {
    const text = 'FROM alpine:3.20\n# checkov:skip=CKV_DOCKER_8\n# hadolint ignore=DL3002\nUSER root\n';
    const result = run('Dockerfile', text);
    assert.deepEqual([ids(result), result.unusedSuppressions], [[], []]);
  });

  it('keep their ranges after a byte-order mark', () => {
    const text = '\uFEFFFROM alpine:3.20\n# hadolint ignore=DL3002\nUSER app\n';
    const result = run('Dockerfile', text);
    assert.deepEqual(result.unusedSuppressions[0]?.suppression.range, rangeOf(text, '# hadolint ignore=DL3002'));
  });
});
