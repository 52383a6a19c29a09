import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAll, golden, offersOf } from './refactor-properties';

const ID = 'k8s/psp-to-psa';

describe(ID, () => {
  it('labels every Namespace of the file `restricted` for a PSP that forbade what restricted forbids, and removes the PSP', () => {
    const { offers, output } = golden(ID, 'restricted');
    assert.equal(offers.length, 1);
    assert.deepEqual(offers[0]!.resolves, ['k8s/deprecated-api-version']);
    assert.equal(offers[0]!.safe, false);
    assert.equal(offers[0]!.newFiles, undefined);
    assert.ok(offers[0]!.title.includes('label Namespace `shop`, `payments` `pod-security.kubernetes.io/enforce: restricted`'), offers[0]!.title);
    assert.ok(!output.includes('PodSecurityPolicy'));
    assert.ok(!/kube-system\n {2}labels/.test(output), 'system namespaces are not labelled');
  });

  it('proposes baseline when the PSP admitted what restricted forbids, and leaves an existing enforce label alone', () => {
    const { offers } = golden(ID, 'baseline');
    const { title } = offers[0]!;
    assert.ok(title.includes('label Namespace `legacy-apps` `pod-security.kubernetes.io/enforce: baseline`'), title);
    for (const reason of ['privilege escalation', 'running as root', 'adding `CHOWN`', '`nfs` volumes']) assert.ok(title.includes(reason), `${reason} in: ${title}`);
    assert.ok(title.includes('adding `NET_ADMIN`, which baseline forbids'), title);
    assert.ok(title.includes('left alone: Namespace `tools` already enforces `privileged`'), title);
  });

  it('creates a CHANGE-ME Namespace when the file has none, never proposing privileged (and says so)', () => {
    const { offers } = golden(ID, 'privileged');
    const [offer] = offers;
    assert.deepEqual(offer!.newFiles, [
      { path: 'namespace-pod-security.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: CHANGE-ME\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n' },
    ]);
    assert.ok(offer!.title.includes('the `privileged` level is never proposed'), offer!.title);
    for (const reason of ['privileged containers', '`hostNetwork`, `hostPID`, `hostIPC`', 'host ports', 'hostPath volumes', 'any capability']) assert.ok(offer!.title.includes(reason), `${reason} in: ${offer!.title}`);
  });

  it('empties a file that held only the PSP, and writes the new Namespace with the file\'s line ends', () => {
    const text = 'apiVersion: policy/v1beta1\r\nkind: PodSecurityPolicy\r\nmetadata:\r\n  name: p\r\nspec:\r\n  privileged: false\r\n';
    const { output, offers } = applyAll(ID, text);
    assert.equal(output, '');
    assert.ok(offers[0]!.newFiles![0]!.text.includes('\r\n'));
  });

  it('is offered for each PSP, and not for other kinds, other apiVersions or items of a List', () => {
    assert.equal(offersOf(ID, 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: a\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: b\n').length, 2);
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n'), []);
    assert.deepEqual(offersOf(ID, 'apiVersion: policy/v1\nkind: PodSecurityPolicy\nmetadata:\n  name: a\n'), []);
    assert.deepEqual(offersOf(ID, 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: policy/v1beta1\n    kind: PodSecurityPolicy\n    metadata:\n      name: a\n'), []);
  });
});
