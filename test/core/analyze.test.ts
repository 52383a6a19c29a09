import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, classifyFileName, DEFAULT_RULE_SET, MAX_ANALYZED_BYTES, type RuleSet } from '../../server/src/core/index';
import type { DockerfileRule, KubernetesRule } from '../../server/src/core/rules/define';

const throwing: DockerfileRule = {
  meta: { ...DEFAULT_RULE_SET.dockerfile[0]!.meta, id: 'dockerfile/throws' } as DockerfileRule['meta'],
  check() {
    throw new Error('boom');
  },
};

const everyResource: KubernetesRule = {
  meta: {
    id: 'k8s/every-resource',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 't',
    rationale: 'r',
    remediation: 'm',
    messages: { seen: '{kind} seen' },
    fix: 'none',
    equivalents: { trivy: ['X'] },
  },
  check(resource, context) {
    context.report({ messageId: 'seen', data: { kind: resource.kind }, range: resource.anchorRange });
  },
};

const rules = (extra: Partial<RuleSet>): RuleSet => ({ dockerfile: [], kubernetes: [], compose: [], ...extra });

describe('file classification', () => {
  const cases: [string, string | undefined, string][] = [
    ['Dockerfile', undefined, 'dockerfile'],
    ['svc/Dockerfile.prod', undefined, 'dockerfile'],
    ['api.Dockerfile', undefined, 'dockerfile'],
    ['build.dockerfile', undefined, 'dockerfile'],
    ['Containerfile', undefined, 'dockerfile'],
    ['notes.txt', 'dockerfile', 'dockerfile'],
    ['deploy/app.yaml', undefined, 'yaml'],
    ['compose.yml', undefined, 'yaml'],
    ['README.md', undefined, 'other'],
    ['Dockerfile.md/readme', undefined, 'other'],
  ];
  for (const [name, languageId, expected] of cases) {
    it(`${name}${languageId ? ` (${languageId})` : ''} → ${expected}`, () => assert.equal(classifyFileName(name, languageId), expected));
  }
});

describe('analyze', () => {
  it('tells Kubernetes, Compose, Helm and other YAML apart', () => {
    const kindOf = (fileName: string, text: string) => analyze({ fileName, text }, { rules: DEFAULT_RULE_SET }).kind;
    assert.equal(kindOf('a.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
    assert.equal(kindOf('a.yaml', 'services:\n  web:\n    image: nginx\n'), 'compose');
    assert.equal(kindOf('docker-compose.prod.yml', 'version: "3"\n'), 'compose');
    assert.equal(kindOf('chart/templates/d.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n'), 'helm');
    assert.equal(kindOf('.github/workflows/ci.yml', 'on: push\njobs: {}\n'), 'yaml');
  });

  it('takes a `{{` where YAML reads structure for a template, and one inside a scalar for data', () => {
    const analyzed = (fileName: string, text: string) => analyze({ fileName, text }, { rules: DEFAULT_RULE_SET });
    const templates = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ include "web.fullname" . }}\n',
      '{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\n{{- end }}\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        {{- toYaml .Values.securityContext | nindent 8 }}\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {{ .Values.sidecar }}\n',
    ];
    for (const text of templates) assert.equal(analyzed('chart/templates/pod.yaml', text).kind, 'helm', text);
    // A GitHub workflow's expressions: not a template, and not ours either (nothing reported).
    const workflow = analyzed('.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container:\n      image: node:latest\n    steps:\n      - run: npm test\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n');
    assert.deepEqual([workflow.kind, workflow.findings, workflow.problems], ['yaml', [], []]);
    // Manifests whose scalars hold Go templates are analysed like any other.
    const rule = 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: up\n      rules:\n        - alert: Down\n          annotations:\n            summary: "{{ $labels.instance }} is down"\n            description: |\n              {{ $labels.job }} has been down for 5 minutes.\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    const result = analyzed('alerts.yaml', rule);
    assert.equal(result.kind, 'kubernetes');
    assert.ok(result.findings.some((finding) => finding.ruleId === 'k8s/privileged-container'));
  });

  it('reports nothing at all for YAML that is not ours, even when broken', () => {
    const result = analyze({ fileName: 'x.yaml', text: 'a: [1\nb: 2\n' }, { rules: DEFAULT_RULE_SET });
    assert.deepEqual([result.findings, result.problems], [[], []]);
  });

  it('isolates a rule that throws: one internal problem, other rules still run', () => {
    const result = analyze({ fileName: 'Dockerfile', text: 'FROM alpine:3.20\nUSER root\n' }, { rules: rules({ dockerfile: [throwing, ...DEFAULT_RULE_SET.dockerfile] }) });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /dockerfile\/throws failed.*boom/);
    assert.equal(result.problems[0]!.kind, 'internal');
    assert.ok(result.findings.some((finding) => finding.ruleId === 'dockerfile/user-root'));
  });

  it('applies configured severities and `off`', () => {
    const text = 'FROM alpine:3.20\nUSER root\n';
    const error = analyze({ fileName: 'Dockerfile', text }, { rules: DEFAULT_RULE_SET, config: { rules: { 'dockerfile/user-root': 'error' } } });
    assert.equal(error.findings.find((f) => f.ruleId === 'dockerfile/user-root')?.severity, 'error');
    const off = analyze({ fileName: 'Dockerfile', text }, { rules: DEFAULT_RULE_SET, config: { rules: { 'dockerfile/user-root': 'off' } } });
    assert.equal(off.findings.find((f) => f.ruleId === 'dockerfile/user-root'), undefined);
  });

  it('runs opt-in rules only when configured, and hands rules their options', () => {
    const seen: string[] = [];
    const optIn: KubernetesRule = {
      meta: { ...everyResource.meta, id: 'k8s/opt-in', optIn: true },
      check(resource, context) {
        seen.push(context.options.kubernetesVersion, ...context.options.trustedRegistries);
        context.report({ messageId: 'seen', data: { kind: resource.kind }, range: resource.anchorRange });
      },
    };
    const text = 'apiVersion: v1\nkind: Pod\n';
    assert.equal(analyze({ fileName: 'p.yaml', text }, { rules: rules({ kubernetes: [optIn] }) }).findings.length, 0);
    const on = analyze({ fileName: 'p.yaml', text }, { rules: rules({ kubernetes: [optIn] }), config: { rules: { 'k8s/opt-in': 'info' }, kubernetesVersion: '1.29', trustedRegistries: ['ghcr.io'] } });
    assert.deepEqual(on.findings.map((f) => f.severity), ['info']);
    assert.deepEqual(seen, ['1.29', 'ghcr.io']);
  });

  it('applies inline suppressions to whole multi-line Dockerfile instructions', () => {
    const text = 'FROM alpine:3.20\n# bulkhead-ignore dockerfile/user-root -- base image needs it\nUSER \\\n  root\n';
    const result = analyze({ fileName: 'Dockerfile', text }, { rules: DEFAULT_RULE_SET });
    assert.equal(result.findings.find((f) => f.ruleId === 'dockerfile/user-root'), undefined);
    assert.equal(result.suppressions[0]?.reason, 'base image needs it');
  });

  it('honours the bulkhead.dev/ignore annotation for its resource only', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: a', '  annotations:', '    bulkhead.dev/ignore: "k8s/every-resource"', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: b', '',
    ].join('\n');
    const result = analyze({ fileName: 'p.yaml', text }, { rules: rules({ kubernetes: [everyResource] }) });
    assert.deepEqual(result.findings.map((f) => f.message), ['Pod seen']);
    assert.equal(result.findings[0]!.range.start, text.indexOf('kind: Pod', text.indexOf('---')));
  });

  it('analyses every document and List item, reporting parse errors without dropping the rest', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n  - apiVersion: v1\n    kind: Service\n---\nkind: [oops\n---\napiVersion: v1\nkind: ConfigMap\n';
    const result = analyze({ fileName: 'l.yaml', text }, { rules: rules({ kubernetes: [everyResource] }) });
    assert.deepEqual(result.findings.map((f) => f.message), ['Pod seen', 'Service seen', 'ConfigMap seen']);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /YAML syntax error in document 2/);
  });

  it('keeps ranges and fixes right after a byte-order mark', () => {
    const text = '\uFEFFFROM alpine:3.20\nUSER root\n';
    const finding = analyze({ fileName: 'Dockerfile', text }, { rules: DEFAULT_RULE_SET }).findings.find((f) => f.ruleId === 'dockerfile/user-root')!;
    assert.equal(text.slice(finding.range.start, finding.range.end), 'root');
    assert.equal(text.slice(finding.fix!.edits[0]!.start, finding.fix!.edits[0]!.end), 'root');
  });

  it('skips binary and oversized files with one clear problem', () => {
    const binary = analyze({ fileName: 'Dockerfile', text: 'FROM \u0000\u0001\u0002garbage' }, { rules: DEFAULT_RULE_SET });
    assert.equal(binary.kind, 'binary');
    assert.match(binary.problems[0]!.message, /binary/);
    const huge = analyze({ fileName: 'big.yaml', text: 'a'.repeat(MAX_ANALYZED_BYTES + 1) }, { rules: DEFAULT_RULE_SET });
    assert.equal(huge.kind, 'too-large');
    assert.match(huge.problems[0]!.message, /not analysed.*MB/);
  });

  it('ignores files that are neither Dockerfiles nor YAML', () => {
    const result = analyze({ fileName: 'main.go', text: 'package main' }, { rules: DEFAULT_RULE_SET });
    assert.equal(result.kind, 'other');
  });
});
