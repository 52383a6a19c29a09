import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubernetesRule } from '../../../server/src/core/rules/define';
import { imageUntrustedRegistry } from '../../../server/src/core/rules/k8s/image-untrusted-registry';
import { findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const TRUSTED = ['registry.example.com', '*.mirror.example.com', 'registry-internal*'];
const TRUSTED_LIST = '`registry.example.com`, `*.mirror.example.com`, `registry-internal*`';

/** The rule as configured with `trustedRegistries` (the rule tester analyses without configuration). */
function trusting(trusted: readonly string[]): KubernetesRule {
  return {
    meta: imageUntrustedRegistry.meta,
    check: (resource, context) => imageUntrustedRegistry.check(resource, { report: (report) => context.report(report), options: { ...context.options, trustedRegistries: trusted } }),
  };
}

const UNTRUSTED = 'initContainers:\n- name: init\n  image: quay.io/acme/init:1.0\ncontainers:\n- name: app\n  image: nginx:1.27\n- name: ok\n  image: registry.example.com/nginx:1.27\nephemeralContainers:\n- name: debug\n  image: ghcr.io/acme/debug:0.1\n';

testRule(trusting(TRUSTED), {
  valid: [
    { fixture: 'pass-trusted.yaml', name: 'exact, *.suffix and prefix* entries; templated and empty images' },
    ...validInEveryKind('trusted registries', 'containers:\n- name: app\n  image: registry.example.com/nginx:1.27\n- name: mirror\n  image: hub.mirror.example.com/nginx:1.27\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'untrusted registries in every container list',
      UNTRUSTED,
      [
        { line: 3, column: 10, endLine: 3, endColumn: 31, messageId: 'untrusted', messageIncludes: ['Init container `init`', 'from `quay.io`', TRUSTED_LIST], severity: 'warning' },
        { line: 6, column: 10, endLine: 6, endColumn: 20, messageId: 'untrusted', messageIncludes: ['Container `app`', 'from `docker.io`'] },
        { line: 11, column: 10, endLine: 11, endColumn: 32, messageId: 'untrusted', messageIncludes: ['Ephemeral container `debug`', 'from `ghcr.io`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-list.yaml',
      name: 'List items, comments, a flow pod spec, Docker Hub\'s other names; case ignored',
      findings: [
        { line: 13, column: 18, endLine: 13, endColumn: 44, messageId: 'untrusted', messageIncludes: ['Deployment `web`', '`quay.io`'] },
        { line: 16, column: 18, endLine: 16, endColumn: 28, messageId: 'untrusted', messageIncludes: ['`docker.io`'] },
        { line: 25, column: 41, endLine: 25, endColumn: 73, messageId: 'untrusted', messageIncludes: ['Pod `tool`', '`docker.io`'] },
        { line: 25, column: 95, endLine: 25, endColumn: 124, messageId: 'untrusted', messageIncludes: ['`index.docker.io/acme/tool:2` from `docker.io`'] },
      ],
      noFix: true,
    },
  ],
});

testRule(trusting(['Docker.io', ' ', 'index.docker.io']), {
  valid: [
    { name: 'Docker Hub trusted under any of its names', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: a, image: nginx:1.27}\n  - {name: b, image: registry-1.docker.io/library/redis:7}\n' },
  ],
  invalid: [
    {
      name: 'other registries still reported',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: a, image: "gcr.io/acme/a:1"}\n',
      findings: [{ line: 7, column: 22, endLine: 7, endColumn: 39, messageId: 'untrusted', messageIncludes: ['(`docker.io`, `docker.io`)'] }],
      noFix: true,
    },
  ],
});

describe('k8s/image-untrusted-registry without configuration', () => {
  it('is inactive when no trusted registries are configured', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: a, image: "quay.io/acme/a:1"}\n';
    assert.equal(findingsOf(imageUntrustedRegistry, 'pod.yaml', text).length, 0);
    assert.equal(findingsOf(trusting([' ']), 'pod.yaml', text).length, 0);
  });
});
