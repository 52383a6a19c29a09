import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourcesOf } from '../../../server/src/core/kubernetes/model';
import { asScalar, mapAt, parseYamlFile } from '../../../server/src/core/yaml/yaml-document';
import { fixture, golden, offersOf } from './refactor-properties';

const ID = 'k8s/secret-to-external-secret';

/** The values the Secrets of a file commit (`data` and `stringData`): none of them may survive the refactoring. */
function committedValues(text: string): string[] {
  return resourcesOf(parseYamlFile(text))
    .filter((resource) => resource.kind === 'Secret')
    .flatMap((resource) => ['data', 'stringData'].flatMap((field) => (mapAt(resource.node, [field], resource.document)?.items ?? []).map((item) => String(asScalar(item.value)?.value))));
}

describe(ID, () => {
  for (const name of ['basic', 'multi-document', 'docker-registry', 'tls']) {
    it(`replaces the Secret of ${name}.yaml with an ExternalSecret, and the plaintext leaves the file`, () => {
      const before = fixture(ID, `${name}.yaml`);
      const { output, offers } = golden(ID, name);
      assert.equal(offers.length, 1);
      assert.deepEqual(offers[0]!.resolves, ['k8s/secret-manifest-data']);
      assert.equal(offers[0]!.safe, false);
      const values = committedValues(before);
      assert.ok(values.length >= 1);
      for (const value of values) assert.ok(!output.includes(value), `${value} is gone`);
      assert.match(output, /kind: ExternalSecret/);
    });
  }

  it('keeps name, namespace and labels (as written), not annotations, and maps every key once', () => {
    const { output } = golden(ID, 'multi-document');
    assert.match(output, /metadata:\n {2}name: "shop-db"\n {2}namespace: shop\n {2}labels:\n {4}app\.kubernetes\.io\/name: shop\n {4}tier: "db"\nspec:/);
    assert.ok(!output.includes('owner: team-shop'));
    assert.equal(output.match(/secretKey: DB_PASSWORD/g)?.length, 1);
    assert.match(output, /target:\n {4}name: "shop-db"\n/);
  });

  it('carries a non-Opaque type into the target template and quotes keys YAML would misread', () => {
    const { output } = golden(ID, 'tls');
    assert.match(output, /template:\n {6}type: kubernetes\.io\/tls/);
    assert.match(output, /secretKey: "1"\n {6}remoteRef:\n {8}key: CHANGE-ME\n {8}property: "1"/);
  });

  it('is not offered for Secrets without keys, SOPS-encrypted ones, items of a List, or flow-style documents', () => {
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\n'), []);
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: ENC[AES256_GCM,data:abc]\nsops:\n  version: 3.8.1\n'), []);
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s\n    data:\n      a: YWJjZGVmZ2g=\n'), []);
    assert.deepEqual(offersOf(ID, '{apiVersion: v1, kind: Secret, metadata: {name: s}, data: {a: YWJjZGVmZ2g=}}\n'), []);
  });
});
