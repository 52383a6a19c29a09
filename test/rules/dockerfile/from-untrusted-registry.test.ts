import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import type { DockerfileRule } from '../../../server/src/core/rules/define';
import { fromUntrustedRegistry } from '../../../server/src/core/rules/dockerfile/from-untrusted-registry';
import { testRule } from '../../support/rule-tester';

const TRUSTED = ['registry.example.com', '*.mirror.example.com', 'registry-internal*'];

/** The rule as configured with `trustedRegistries` (the rule tester analyses without configuration). */
function trusting(trusted: readonly string[]): DockerfileRule {
  return {
    meta: fromUntrustedRegistry.meta,
    check: (model, context) => fromUntrustedRegistry.check(model, { report: (report) => context.report(report), options: { ...context.options, trustedRegistries: trusted } }),
  };
}

testRule(trusting(TRUSTED), {
  valid: [
    { fixture: 'pass-trusted.Dockerfile', name: 'exact, *.suffix and prefix* entries; stage names (any case) and numbers; ONBUILD is someone else\'s build' },
    { fixture: 'pass-unresolved.Dockerfile', name: 'a build argument without a default decides the registry; scratch' },
    { name: 'half-typed FROM and flags', text: 'FROM \nCOPY --from= /a /b\nRUN --mount=type=cache true\n' },
  ],
  invalid: [
    {
      fixture: 'fail-untrusted.Dockerfile',
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 20, messageId: 'from', messageIncludes: ['`node:22-alpine`', '`docker.io`', '`registry.example.com`, `*.mirror.example.com`, `registry-internal*`'], severity: 'warning' },
        { line: 4, column: 32, endLine: 4, endColumn: 56, messageId: 'from', messageIncludes: ['`quay.io`'] },
        { line: 5, column: 43, endLine: 5, endColumn: 63, messageId: 'mountFrom', messageIncludes: ['`ghcr.io/acme/cache:1`', '`ghcr.io`'] },
        { line: 6, column: 19, endLine: 6, endColumn: 49, messageId: 'mountFrom', messageIncludes: ['`docker.io`'] },
        { line: 8, column: 6, endLine: 8, endColumn: 41, messageId: 'from', messageIncludes: ['`registry.example.com.evil.io`'] },
        { line: 10, column: 34, endLine: 10, endColumn: 66, messageId: 'copyFrom', messageIncludes: ['`gcr.io/distroless/static:nonroot`', '`gcr.io`'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-arg.Dockerfile',
      name: 'CRLF, COPY --from image from an ARG default',
      findings: [{ line: 3, column: 13, endLine: 3, endColumn: 21, messageId: 'copyFrom', messageIncludes: ['`quay.io/tools/helm:3.16`'] }],
    },
  ],
});

describe('dockerfile/from-untrusted-registry configuration', () => {
  const text = 'FROM node:22-alpine\nFROM ghcr.io/acme/app:1\n';
  const registries = (trusted: readonly string[]) =>
    analyze({ fileName: 'Dockerfile', text }, { rules: ruleSetOf(fromUntrustedRegistry), config: { trustedRegistries: trusted } }).findings.map((finding) => finding.message.match(/comes from `([^`]+)`/)?.[1]);

  it('is inactive without trusted registries', () => {
    assert.deepEqual(registries([]), []);
    assert.deepEqual(analyze({ fileName: 'Dockerfile', text }, { rules: ruleSetOf(fromUntrustedRegistry) }).findings, []);
  });
  it('reads trustedRegistries from the analysis configuration', () => {
    assert.deepEqual(registries(['ghcr.io']), ['docker.io']);
  });
  it('treats Docker Hub\'s names alike and compares case-insensitively', () => {
    assert.deepEqual(registries(['hub.docker.com', 'GHCR.IO']), []);
    assert.deepEqual(registries(['index.docker.io', 'ghcr.io']), []);
  });
  it('matches like hadolint: `*` trusts everything, `*.x` needs the dot, `x*` is a prefix', () => {
    assert.deepEqual(registries(['*']), []);
    assert.deepEqual(registries(['docker.io', '*.ghcr.io']), ['ghcr.io']);
    assert.deepEqual(registries(['docker.io', 'ghcr*']), []);
  });
});
