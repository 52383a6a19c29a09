/**
 * The documented examples of the Pod Security rules are real: the insecure one is reported, the
 * secure one is not. Also the shared Kubernetes-version reading those rules rely on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf, type AnyRule } from '../../../server/src/core/index';
import { isAtLeast, parseKubernetesVersion } from '../../../server/src/core/kubernetes/pod-security';
import { apparmorNotDefault } from '../../../server/src/core/rules/k8s/apparmor-not-default';
import { capabilitiesBeyondBaseline } from '../../../server/src/core/rules/k8s/capabilities-beyond-baseline';
import { dangerousCapabilityAdded } from '../../../server/src/core/rules/k8s/dangerous-capability-added';
import { hostAliases } from '../../../server/src/core/rules/k8s/host-aliases';
import { hostProcess } from '../../../server/src/core/rules/k8s/host-process';
import { netRawNotDropped } from '../../../server/src/core/rules/k8s/net-raw-not-dropped';
import { probeHostField } from '../../../server/src/core/rules/k8s/probe-host-field';
import { procMountUnmasked } from '../../../server/src/core/rules/k8s/proc-mount-unmasked';
import { runAsGroupRoot } from '../../../server/src/core/rules/k8s/run-as-group-root';
import { runAsLowUid } from '../../../server/src/core/rules/k8s/run-as-low-uid';
import { runAsUserZero } from '../../../server/src/core/rules/k8s/run-as-user-zero';
import { seccompNotSet } from '../../../server/src/core/rules/k8s/seccomp-not-set';
import { seccompUnconfined } from '../../../server/src/core/rules/k8s/seccomp-unconfined';
import { securityContextMissing } from '../../../server/src/core/rules/k8s/security-context-missing';
import { selinuxCustomOptions } from '../../../server/src/core/rules/k8s/selinux-custom-options';
import { unsafeSysctls } from '../../../server/src/core/rules/k8s/unsafe-sysctls';

const RULES: readonly AnyRule[] = [
  hostProcess,
  capabilitiesBeyondBaseline,
  dangerousCapabilityAdded,
  netRawNotDropped,
  runAsUserZero,
  runAsGroupRoot,
  runAsLowUid,
  securityContextMissing,
  seccompUnconfined,
  seccompNotSet,
  apparmorNotDefault,
  selinuxCustomOptions,
  procMountUnmasked,
  unsafeSysctls,
  probeHostField,
  hostAliases,
];

describe('Pod Security rule examples', () => {
  for (const rule of RULES) {
    it(`${rule.meta.id}: the insecure example is reported, the secure one is not`, () => {
      const { example } = rule.meta;
      assert.ok(example, 'every rule documents an example');
      const config = { rules: { [rule.meta.id]: rule.meta.defaultSeverity } };
      const run = (text: string) => analyze({ fileName: 'example.yaml', text }, { rules: ruleSetOf(rule), config });
      const insecure = run(example.insecure);
      assert.deepEqual(insecure.problems, []);
      assert.ok(insecure.findings.length > 0, 'insecure example not reported');
      const secure = run(example.secure);
      assert.deepEqual(secure.problems, []);
      assert.deepEqual(secure.findings.map((finding) => finding.message), []);
    });
  }
});

describe('parseKubernetesVersion', () => {
  it('reads 1.31, v1.31.2 and latest, and falls back to the default version', () => {
    assert.deepEqual(parseKubernetesVersion('1.31'), { major: 1, minor: 31 });
    assert.deepEqual(parseKubernetesVersion(' v1.29.4 '), { major: 1, minor: 29 });
    assert.ok(isAtLeast(parseKubernetesVersion('latest'), 99));
    assert.ok(isAtLeast(parseKubernetesVersion('nonsense'), 31));
    assert.ok(!isAtLeast(parseKubernetesVersion('1.34'), 35));
    assert.ok(isAtLeast(parseKubernetesVersion('2.0'), 35));
  });
});
