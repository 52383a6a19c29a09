import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inEveryWorkloadKind, WORKLOAD_KIND_NAMES } from '../../support/workloads';
import { applyAll, fixture, golden, offersOf, REFACTOR_FIXTURES } from './refactor-properties';

const ID = 'k8s/harden-security-context';
const POD_SPECS = ['bare', 'partial', 'insecure', 'non-indented', 'flow', 'empty-keys'];

/** A pod-spec fixture wrapped in every workload kind becomes the wrapped golden pod spec, LF and CRLF. */
function goldenInEveryKind(name: string): void {
  const before = inEveryWorkloadKind(fixture(ID, `pod-spec/${name}.yaml`));
  const expectedPath = join(REFACTOR_FIXTURES, ID, 'pod-spec', `${name}.expected.yaml`);
  if (process.env.BULKHEAD_UPDATE_GOLDEN) {
    const pod = applyAll(ID, before[0]!.text).output;
    writeFileSync(expectedPath, pod.split('\n').slice(5).map((line) => line.slice(2)).join('\n'));
  }
  const expected = inEveryWorkloadKind(fixture(ID, `pod-spec/${name}.expected.yaml`));
  before.forEach((workload, index) => {
    const outcome = applyAll(ID, workload.text);
    assert.equal(outcome.offers.length, 1, `one offer for the ${workload.kind}`);
    assert.equal(outcome.output, expected[index]!.text, `golden output for the ${workload.kind}`);
    const crlf = applyAll(ID, workload.text.replace(/\n/g, '\r\n'));
    assert.equal(crlf.output, expected[index]!.text.replace(/\n/g, '\r\n'), `golden CRLF output for the ${workload.kind}`);
  });
}

describe(ID, () => {
  for (const name of POD_SPECS) {
    it(`hardens the ${name} pod spec in every workload kind (${WORKLOAD_KIND_NAMES.join(', ')})`, () => goldenInEveryKind(name));
  }

  it('hardens every workload of a multi-document file, keeping 4-space indentation, comments and the other documents', () => {
    const { offers } = golden(ID, 'multi-document');
    assert.deepEqual(offers.map((offer) => offer.title.split(' (')[0]), ['Harden the securityContext of Deployment `web`', 'Harden the securityContext of CronJob `cleanup`']);
  });

  it('hardens a workload written entirely in flow style, within its braces', () => {
    golden(ID, 'flow-document');
  });

  it('hardens the items of a List', () => {
    assert.equal(golden(ID, 'list').offers.length, 2);
  });

  it('appends to a file without a final line break', () => {
    golden(ID, 'no-final-newline');
  });

  it('leaves explicit insecure values alone and names them in the title', () => {
    const [workload] = inEveryWorkloadKind(fixture(ID, 'pod-spec/insecure.yaml'));
    const [offer] = offersOf(ID, workload!.text);
    for (const named of ['`runAsNonRoot: false` (pod)', '`seccompProfile.type: Unconfined` (pod)', '`allowPrivilegeEscalation: true` (container `app`)', '`readOnlyRootFilesystem: false` (container `app`)', '`privileged: true` (container `debug`)']) {
      assert.ok(offer!.title.includes(named), `${named} in: ${offer!.title}`);
    }
    assert.ok(offer!.title.includes('Kubernetes rejects `false` beside `privileged: true`'), offer!.title);
    assert.equal(offer!.safe, false);
    assert.ok(!offer!.resolves.includes('k8s/privileged-container'));
  });

  it('is offered once per workload, over the whole resource, resolving what it sets', () => {
    const [workload] = inEveryWorkloadKind(fixture(ID, 'pod-spec/bare.yaml'));
    const offers = offersOf(ID, workload!.text);
    assert.equal(offers.length, 1);
    assert.deepEqual(offers[0]!.range, { start: 0, end: workload!.text.length });
    assert.deepEqual([...offers[0]!.resolves].sort(), [
      'k8s/allow-privilege-escalation',
      'k8s/capabilities-not-restricted',
      'k8s/readonly-root-fs',
      'k8s/run-as-low-uid',
      'k8s/run-as-non-root',
      'k8s/seccomp-not-set',
      'k8s/security-context-missing',
    ]);
    assert.ok(offers[0]!.title.includes('UID/GID 10001'));
  });

  it('is not offered for hardened workloads, Windows pods, or resources without a pod spec', () => {
    const hardened = fixture(ID, 'pod-spec/bare.expected.yaml');
    for (const workload of inEveryWorkloadKind(hardened)) assert.deepEqual(offersOf(ID, workload.text), [], workload.kind);
    // Only `privileged: false` and `fsGroup` missing: no rule reports that, so no offer.
    for (const workload of inEveryWorkloadKind(hardened.replace('      privileged: false\n', '').replace('  fsGroup: 10001\n', ''))) {
      assert.deepEqual(offersOf(ID, workload.text), [], `${workload.kind}, without privileged: false`);
    }
    const windows = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os:\n    name: windows\n  containers:\n    - name: app\n      image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
    assert.deepEqual(offersOf(ID, windows), []);
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n'), []);
  });

  it('does not add allowPrivilegeEscalation beside an added SYS_ADMIN, nor runAsNonRoot beside runAsUser 0', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.0.0\n      securityContext:\n        capabilities:\n          add: [SYS_ADMIN]\n';
    const { output, offers } = applyAll(ID, text);
    assert.ok(!output.includes('allowPrivilegeEscalation'), output);
    assert.ok(!output.includes('runAsNonRoot'), output);
    assert.ok(offers[0]!.title.includes('`runAsUser: 0` is set'), offers[0]!.title);
    assert.ok(offers[0]!.title.includes('`capabilities.add: [SYS_ADMIN]`'), offers[0]!.title);
  });

  it('reuses an emptyDir volume named tmp, picks another name when tmp is taken, and skips containers with a /tmp mount', () => {
    const reuse = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.0.0\n  volumes:\n    - name: tmp\n      emptyDir: {}\n';
    const reused = applyAll(ID, reuse).output;
    assert.equal(reused.match(/name: tmp$/gm)?.length, 2, reused);
    const taken = reuse.replace('emptyDir: {}', 'configMap: {name: tmp}');
    assert.match(applyAll(ID, taken).output, /- name: tmp-1\n {6}emptyDir: \{\}/);
    const mounted = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.0.0\n      volumeMounts: [{name: scratch, mountPath: /tmp/}]\n  volumes: [{name: scratch, emptyDir: {}}]\n';
    const output = applyAll(ID, mounted).output;
    assert.ok(!/name: tmp\b/.test(output), output);
  });

  it('leaves ephemeral containers alone', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.0.0\n  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n';
    const [offer] = offersOf(ID, text);
    const ephemeralStart = text.indexOf('ephemeralContainers');
    assert.ok(offer!.edits.every((edit) => edit.start < ephemeralStart || edit.start >= text.length - 1), JSON.stringify(offer!.edits));
  });

  it('hardens a container another inherits from through `<<` once, and names the inheriting one as left alone', () => {
    const text = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector: {matchLabels: {app: web}}', '  template:',
      '    metadata: {labels: {app: web}}', '    spec:',
      '      securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: {type: RuntimeDefault}}',
      '      containers:', '        - &base', '          name: web', '          image: ghcr.io/acme/web:1.0.0', '          securityContext:', '            privileged: false',
      '        - <<: *base', '          name: sidecar', '',
    ].join('\n');
    const { output, offers } = applyAll(ID, text);
    assert.equal(offers.length, 1);
    assert.match(offers[0]!.title, /left alone, for their own quick fixes: the `securityContext` that container `sidecar` inherits through `<<`$/);
    // Written once, in the container that holds the anchor; the sidecar's lines are untouched.
    assert.equal(output.split('allowPrivilegeEscalation: false').length, 2, output);
    assert.ok(output.endsWith('        - <<: *base\n          name: sidecar\n      volumes:\n        - name: tmp\n          emptyDir: {}\n'), output);
  });

  it('does not claim what an inherited securityContext lacks: it is hardened where it is written', () => {
    const text = [
      'apiVersion: v1', 'kind: List', 'items:',
      '  - apiVersion: v1', '    kind: Pod', '    metadata: {name: a}', '    spec:',
      '      containers:', '        - &base', '          name: a', '          image: ghcr.io/acme/a:1.0.0', '          securityContext: {privileged: false}',
      '  - apiVersion: v1', '    kind: Pod', '    metadata: {name: b}', '    spec:',
      '      containers:', '        - <<: *base', '          name: b', '',
    ].join('\n');
    const [first, second] = offersOf(ID, text);
    assert.deepEqual([...first!.resolves].sort(), ['k8s/allow-privilege-escalation', 'k8s/capabilities-not-restricted', 'k8s/readonly-root-fs', 'k8s/run-as-low-uid', 'k8s/run-as-non-root', 'k8s/seccomp-not-set', 'k8s/security-context-missing']);
    // Pod b gets its pod-level settings; its container's come with pod a's offer.
    assert.deepEqual([...second!.resolves].sort(), ['k8s/run-as-low-uid', 'k8s/run-as-non-root', 'k8s/seccomp-not-set', 'k8s/security-context-missing']);
    assert.match(second!.title, /the `securityContext` that container `b` inherits through `<<`$/);
    applyAll(ID, text);
  });
});
