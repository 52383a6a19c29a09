import assert from 'node:assert/strict';
import { it } from 'node:test';
import { tlsVerifyDisabledPkgManager } from '../../../server/src/core/rules/dockerfile/tls-verify-disabled-pkg-manager';
import { findingsOf, loadSample, testRule } from '../../support/rule-tester';

testRule(tlsVerifyDisabledPkgManager, {
  valid: [
    { fixture: 'pass-verified.Dockerfile', name: 'a CA certificate, strict-ssl true, sslverify=1, other settings, the flag as an argument of echo' },
  ],
  invalid: [
    {
      fixture: 'fail-disabled.Dockerfile',
      name: 'pip --trusted-host (both forms, python -m pip, exec form, plain-HTTP index), pip/npm/yarn config set, npm options, yum-config-manager, dnf --setopt, dnf5 config-manager setopt',
      findings: [
        { line: 2, column: 32, endLine: 2, endColumn: 63, messageId: 'pipTrustedHost', severity: 'error', messageIncludes: ['`pypi.example.com`', '`pip install`'] },
        { line: 3, column: 28, endLine: 3, endColumn: 60, messageId: 'pipTrustedHost', messageIncludes: ['`python3 -m pip install`'] },
        { line: 4, column: 20, endLine: 4, endColumn: 56, messageId: 'pipTrustedHost', messageIncludes: ['`pip config set`'] },
        { line: 5, column: 42, endLine: 5, endColumn: 78, messageId: 'pipTrustedHost' },
        { line: 6, column: 72, endLine: 6, endColumn: 100, messageId: 'pipTrustedHost' },
        { line: 9, column: 20, endLine: 9, endColumn: 36, messageId: 'strictSsl', messageIncludes: ['`npm config set`'] },
        { line: 9, column: 56, endLine: 9, endColumn: 72, messageId: 'strictSsl', messageIncludes: ['`yarn config set`'] },
        { line: 10, column: 13, endLine: 10, endColumn: 29, messageId: 'strictSsl', messageIncludes: ['`set strict-ssl=false`'] },
        { line: 10, column: 45, endLine: 10, endColumn: 63, messageId: 'strictSsl', messageIncludes: ['`--strict-ssl false`'] },
        { line: 10, column: 74, endLine: 10, endColumn: 89, messageId: 'strictSsl', messageIncludes: ['`npm ci`'] },
        { line: 13, column: 24, endLine: 13, endColumn: 49, messageId: 'sslVerify', messageIncludes: ['`yum-config-manager`'] },
        { line: 13, column: 75, endLine: 13, endColumn: 99, messageId: 'sslVerify', messageIncludes: ['`--setopt sslverify=false`'] },
        { line: 14, column: 31, endLine: 14, endColumn: 51, messageId: 'sslVerify', messageIncludes: ['`dnf config-manager`'] },
      ],
      fixedFixture: 'fail-disabled.fixed.Dockerfile',
      remainingAfterFix: 5,
    },
  ],
});

it('dockerfile/tls-verify-disabled-pkg-manager: removing --trusted-host from a plain-HTTP index needs a look', () => {
  const { fileName, text } = loadSample(tlsVerifyDisabledPkgManager, { fixture: 'fail-disabled.Dockerfile' });
  const safety = findingsOf(tlsVerifyDisabledPkgManager, fileName, text).map((finding) => finding.fix?.safe);
  assert.deepEqual(safety, [true, true, undefined, true, false, undefined, undefined, undefined, true, true, true, true, undefined]);
});
