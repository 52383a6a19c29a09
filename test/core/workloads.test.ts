import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourcesOf } from '../../server/src/core/kubernetes/model';
import { containersOf, describeContainer, isWindowsPod, podSpecOf, WORKLOAD_KINDS } from '../../server/src/core/kubernetes/workloads';
import { parseYamlFile, stringValue } from '../../server/src/core/yaml/yaml-document';
import { inEveryWorkloadKind, WORKLOAD_KIND_NAMES } from '../support/workloads';

const POD_SPEC = [
  'securityContext:',
  '  runAsNonRoot: true',
  'os: {name: windows}',
  'initContainers:',
  '- name: init',
  'containers:',
  '- name: web',
  '  securityContext: {privileged: false}',
  '- image: sidecar:1   # no name',
  'ephemeralContainers:',
  '- name: debug',
  '',
].join('\n');

function resourceOf(text: string) {
  const [resource] = resourcesOf(parseYamlFile(text));
  assert.ok(resource, 'no resource');
  return resource;
}

describe('podSpecOf / containersOf', () => {
  const shapes = [
    ...inEveryWorkloadKind(POD_SPEC, 'w'),
    // DeploymentConfig has the Deployment shape; inEveryWorkloadKind does not generate it.
    { kind: 'DeploymentConfig', text: `apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n${POD_SPEC.split('\n').map((line) => (line ? `      ${line}` : line)).join('\n')}` },
  ];

  it('covers every workload kind the engine knows', () => {
    assert.deepEqual([...shapes.map((shape) => shape.kind)].sort(), [...WORKLOAD_KINDS].sort());
    assert.ok(WORKLOAD_KIND_NAMES.every((kind) => WORKLOAD_KINDS.includes(kind)));
  });

  for (const { kind, text } of shapes) {
    it(`finds the pod spec and every container of a ${kind}`, () => {
      const resource = resourceOf(text);
      const podSpec = podSpecOf(resource);
      assert.ok(podSpec, `no pod spec in ${kind}`);
      assert.equal(text.slice(podSpec.anchorRange.start, podSpec.anchorRange.end), 'spec');
      assert.equal(podSpec.securityContext?.items.length, 1);
      assert.ok(isWindowsPod(podSpec));
      const containers = containersOf(podSpec);
      assert.deepEqual(
        containers.map((container) => [container.list, container.index, container.name]),
        [
          ['initContainers', 0, 'init'],
          ['containers', 0, 'web'],
          ['containers', 1, undefined],
          ['ephemeralContainers', 0, 'debug'],
        ],
      );
      assert.equal(containers[1]!.securityContext?.items.length, 1);
      assert.equal(text.slice(containers[1]!.anchorRange.start, containers[1]!.anchorRange.end), 'web');
      assert.equal(describeContainer(containers[2]!), `container #2 in ${kind} \`w\``);
      assert.equal(describeContainer(containers[0]!), `init container \`init\` in ${kind} \`w\``);
    });
  }

  it('returns undefined for kinds without a pod spec', () => {
    for (const kind of ['Service', 'ConfigMap', 'Secret', 'Namespace', 'CustomThing']) {
      assert.equal(podSpecOf(resourceOf(`apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n`)), undefined, kind);
    }
  });

  it('does not throw on incomplete manifests', () => {
    const halfTyped = [
      'apiVersion: apps/v1\nkind: Deployment\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: 3\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec: [1, 2]\n',
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n',
    ];
    for (const text of halfTyped) assert.equal(podSpecOf(resourceOf(text)), undefined, text);

    const oddContainers = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - \n  - 42\n  - name: ok\n  initContainers: nope\n  ephemeralContainers:\n';
    const podSpec = podSpecOf(resourceOf(oddContainers));
    assert.ok(podSpec);
    assert.deepEqual(containersOf(podSpec).map((container) => container.name), ['ok']);
    assert.equal(isWindowsPod(podSpec), false);
  });

  it('follows aliases to containers one level', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {base: &c {name: shared}}\nspec:\n  containers:\n  - *c\n';
    const podSpec = podSpecOf(resourceOf(text))!;
    const containers = containersOf(podSpec);
    assert.deepEqual(containers.map((container) => container.name), ['shared']);
    assert.equal(stringValue(containers[0]!.node, 'name', podSpec.resource.document), 'shared');
  });
});
