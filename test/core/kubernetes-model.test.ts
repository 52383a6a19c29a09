import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeResource, isKubernetesDocument, resourcesOf } from '../../server/src/core/kubernetes/model';
import { asMap, mapAt, parseYamlFile, resolveNode, seqItems, stringValue, valueOf } from '../../server/src/core/yaml/yaml-document';

describe('Kubernetes model', () => {
  it('reads every document of a multi-document file, skipping non-manifests', () => {
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: shop}',
      '---',
      '# just a comment',
      '---',
      'plain: yaml',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      '  namespace: shop',
      '  annotations:',
      '    bulkhead.dev/ignore: "k8s/readonly-root-fs"',
      '    replicas: 3',
      '',
    ].join('\n');
    const file = parseYamlFile(text);
    assert.deepEqual(file.documents.map(isKubernetesDocument), [true, false, false, true]);
    const resources = resourcesOf(file);
    assert.deepEqual(resources.map((resource) => [resource.kind, resource.name, resource.namespace, resource.document.index]), [
      ['Namespace', 'shop', undefined, 0],
      ['Deployment', 'api', 'shop', 3],
    ]);
    const deployment = resources[1]!;
    assert.equal(deployment.annotations.get('bulkhead.dev/ignore'), 'k8s/readonly-root-fs');
    assert.equal(deployment.annotations.get('replicas'), '3');
    assert.equal(text.slice(deployment.anchorRange.start, deployment.anchorRange.end), 'kind');
    assert.equal(describeResource(deployment), 'Deployment `api`');
  });

  it('expands the items of List kinds, remembering the list', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- not a manifest\n- kind: Pod\n- apiVersion: v1\n  kind: Service\n';
    const resources = resourcesOf(parseYamlFile(text));
    assert.deepEqual(resources.map((resource) => [resource.kind, resource.name, resource.listKind]), [
      ['Pod', 'a', 'List'],
      ['Service', undefined, 'List'],
    ]);
    assert.equal(describeResource(resources[1]!), 'Service');
    assert.deepEqual(resourcesOf(parseYamlFile('apiVersion: v1\nkind: PodList\nitems: []\n')), []);
  });

  it('does not throw on half-typed YAML', () => {
    const inputs = ['', '---\n---\n', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: [\n', 'apiVersion: v1\nkind:', ': :\n- - {\n', '\t\tkind: Pod\n', 'apiVersion: [v1]\nkind: {a: 1}\n', 'kind: List\napiVersion: v1\nitems: 3\n', '[1, 2]\n', '"just a string"\n'];
    for (const text of inputs) assert.doesNotThrow(() => resourcesOf(parseYamlFile(text)), JSON.stringify(text));
    const broken = parseYamlFile('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    assert.ok(broken.documents[0]!.errors.length > 0);
    assert.deepEqual(resourcesOf(broken).map((resource) => resource.kind), ['Pod']);
  });

  it('handles an alias bomb instantly, without expanding it', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level <= 20; level++) lines.push(`  a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]`);
    lines.push('spec:', '  template: *a20', '');
    const started = performance.now();
    const file = parseYamlFile(lines.join('\n'));
    const [resource] = resourcesOf(file);
    const top = valueOf(mapAt(resource!.node, ['data'], resource!.document), 'a20', resource!.document);
    assert.equal(seqItems(top, resource!.document).length, 9);
    assert.ok(performance.now() - started < 1000, 'alias bomb took too long');
  });

  it('resolves aliases one level', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: &n web\n  labels: &l {app: *n}\nspec:\n  nodeSelector: *l\n  alias-of-alias: *missing\n';
    const file = parseYamlFile(text);
    const [resource] = resourcesOf(file);
    const document = resource!.document;
    const selector = asMap(valueOf(mapAt(resource!.node, ['spec'], document), 'nodeSelector', document));
    assert.equal(stringValue(selector, 'app', document), 'web');
    assert.equal(resolveNode(valueOf(mapAt(resource!.node, ['spec'], document), 'alias-of-alias', document), document), null);
    assert.equal(resolveNode(undefined, document), null);
  });
});
