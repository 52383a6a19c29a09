import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze, DEFAULT_RULE_SET, type RuleSet } from '../../server/src/core/index';
import type { KubernetesRule } from '../../server/src/core/rules/define';
import { splitYamlDocuments } from '../../server/src/core/yaml/yaml-chunks';

describe('splitting a YAML stream into documents', () => {
  it('cuts at every --- marker line and keeps every character', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n---\n';
    const chunks = splitYamlDocuments(text);
    assert.deepEqual(chunks.map((chunk) => chunk.text), ['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3\n', '---\n']);
    assert.equal(chunks.map((chunk) => chunk.text).join(''), text);
    for (const chunk of chunks) assert.equal(text.slice(chunk.start, chunk.start + chunk.text.length), chunk.text);
  });

  it('agrees with the parser on the number of documents', () => {
    const samples = [
      '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
      '# leading comment\n---\na: 1\n',
      'a: |\n  text\n  ---not a marker\n---\nb: 1\n',
      'a: 1\r\n---\r\nb: 2\r\n',
      'a: "multi\n  line"\n---\n',
      '---\n---\n',
      'key: ----\n-----\n',
    ];
    for (const text of samples) {
      const chunks = splitYamlDocuments(text);
      const parsed = parseAllDocuments(text);
      const count = Array.isArray(parsed) ? parsed.length : 0;
      assert.equal(chunks.length, Math.max(1, count), JSON.stringify(text));
    }
  });

  it('keeps a directive with the document after it', () => {
    assert.deepEqual(splitYamlDocuments('%YAML 1.2\n---\na: 1\n').map((chunk) => chunk.text), ['%YAML 1.2\n---\na: 1\n']);
  });
});

describe('re-analysing an edited multi-document file', () => {
  const checked: string[] = [];
  const counting: KubernetesRule = {
    meta: { ...DEFAULT_RULE_SET.kubernetes[0]!.meta, id: 'k8s/counting' } as KubernetesRule['meta'],
    check(resource, context) {
      checked.push(resource.name ?? '?');
      context.report({ messageId: Object.keys(this.meta.messages)[0]!, data: { container: resource.name ?? '' }, range: resource.anchorRange });
    },
  };
  const rules: RuleSet = { dockerfile: [], kubernetes: [counting, ...DEFAULT_RULE_SET.kubernetes], compose: [] };
  const pod = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27${extra}\n`;

  it('checks only the document that changed and gives the same results as a fresh analysis', () => {
    const before = [pod('a'), pod('b'), pod('c')].join('---\n');
    const after = [pod('a'), pod('b', '\n      securityContext:\n        privileged: true'), pod('c')].join('---\n');
    const first = analyze({ fileName: 'pods.yaml', text: before }, { rules });
    checked.length = 0;
    const second = analyze({ fileName: 'pods.yaml', text: after }, { rules, previous: first });
    assert.deepEqual(checked, ['b'], 'only the edited document is checked again');
    const fresh = analyze({ fileName: 'pods.yaml', text: after }, { rules });
    assert.deepEqual(second.findings, fresh.findings);
    assert.deepEqual(second.problems, fresh.problems);
    const counted = second.findings.filter((finding) => finding.ruleId === 'k8s/counting');
    assert.equal(counted[2]?.range.start, after.lastIndexOf('kind: Pod'), 'the last document\'s reused findings moved with it');
  });

  it('does not reuse results computed under another configuration', () => {
    const text = pod('a');
    const first = analyze({ fileName: 'p.yaml', text }, { rules });
    checked.length = 0;
    analyze({ fileName: 'p.yaml', text }, { rules, previous: first, config: { rules: {} } });
    assert.deepEqual(checked, ['a']);
  });
});
