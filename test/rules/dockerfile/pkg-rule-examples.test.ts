/** The documentation examples of the package-manager rules: the insecure one is reported, the secure one is not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aptInsteadOfAptGet } from '../../../server/src/core/rules/dockerfile/apt-instead-of-apt-get';
import { aptNoInstallRecommends } from '../../../server/src/core/rules/dockerfile/apt-no-install-recommends';
import { distUpgrade } from '../../../server/src/core/rules/dockerfile/dist-upgrade';
import { pkgAssumeYesMissing } from '../../../server/src/core/rules/dockerfile/pkg-assume-yes-missing';
import { pkgCacheNotCleaned } from '../../../server/src/core/rules/dockerfile/pkg-cache-not-cleaned';
import { pkgSignatureCheckDisabled } from '../../../server/src/core/rules/dockerfile/pkg-signature-check-disabled';
import { pkgUpdateAlone } from '../../../server/src/core/rules/dockerfile/pkg-update-alone';
import { pkgVersionUnpinned } from '../../../server/src/core/rules/dockerfile/pkg-version-unpinned';
import { tlsVerifyDisabledPkgManager } from '../../../server/src/core/rules/dockerfile/tls-verify-disabled-pkg-manager';
import { findingsOf } from '../../support/rule-tester';

const RULES = [pkgUpdateAlone, pkgVersionUnpinned, aptNoInstallRecommends, pkgCacheNotCleaned, pkgAssumeYesMissing, aptInsteadOfAptGet, distUpgrade, pkgSignatureCheckDisabled, tlsVerifyDisabledPkgManager];

describe('package-manager rule examples', () => {
  for (const rule of RULES) {
    it(`${rule.meta.id}: the insecure example is reported, the secure one is not`, () => {
      const example = rule.meta.example;
      assert.ok(example, 'every rule has an example');
      assert.ok(findingsOf(rule, 'Dockerfile', example.insecure).length > 0);
      assert.deepEqual(findingsOf(rule, 'Dockerfile', example.secure), []);
    });
  }
});
