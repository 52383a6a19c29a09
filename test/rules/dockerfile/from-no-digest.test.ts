import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import type { DockerfileRule } from '../../../server/src/core/rules/define';
import { fromNoDigest } from '../../../server/src/core/rules/dockerfile/from-no-digest';
import { testRule } from '../../support/rule-tester';

// The rule is opt-in: the per-rule tests run it as if the user had given it a severity.
const enabled: DockerfileRule = { ...fromNoDigest, meta: { ...fromNoDigest.meta, optIn: false } };

testRule(enabled, {
  valid: [
    { fixture: 'pass-digests.Dockerfile', name: 'digests (also from an ARG default, after a tag and a registry port), stage aliases, scratch' },
    { fixture: 'pass-unresolved.Dockerfile', name: 'a build argument without a default may supply the digest' },
    { name: 'half-typed FROM', text: 'FROM \n' },
    { name: 'ARG default naming another ARG (not expanded by the model)', text: 'ARG D=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nARG IMAGE="alpine:3.22@${D}"\nFROM ${IMAGE}\n' },
  ],
  invalid: [
    {
      fixture: 'fail-tags.Dockerfile',
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 29, messageId: 'missing', messageIncludes: ['`node:22.11.0-alpine3.20`', 'imagetools inspect node:22.11.0-alpine3.20'], severity: 'info' },
        { line: 4, column: 29, endLine: 4, endColumn: 53, messageId: 'missing', messageIncludes: ['`ghcr.io/acme/builder:1.4`'] },
        { line: 8, column: 6, endLine: 8, endColumn: 28, messageId: 'malformed', messageIncludes: ['`sha256:0123abcd`'] },
        { line: 10, column: 6, endLine: 10, endColumn: 32, messageId: 'missing', messageIncludes: ['`${REGISTRY}/team/runtime:3`'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf.Dockerfile',
      name: 'CRLF; the digest algorithm is lower-case',
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 26, messageId: 'missing' },
        { line: 2, column: 6, endLine: 2, endColumn: 94, messageId: 'malformed', messageIncludes: ['`SHA256:'] },
      ],
    },
    {
      name: 'image from an ARG default',
      text: 'ARG BASE=alpine:3.22\nFROM $BASE\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 11, messageId: 'missing', messageIncludes: ['`alpine:3.22`'] }],
    },
  ],
});

describe('dockerfile/from-no-digest is opt-in', () => {
  const text = 'FROM alpine:3.22\n';
  it('reports nothing unless configured', () => {
    assert.equal(analyze({ fileName: 'Dockerfile', text }, { rules: ruleSetOf(fromNoDigest) }).findings.length, 0);
  });
  it('runs with the severity the user gives it', () => {
    const result = analyze({ fileName: 'Dockerfile', text }, { rules: ruleSetOf(fromNoDigest), config: { rules: { 'dockerfile/from-no-digest': 'warning' } } });
    assert.deepEqual(result.findings.map((finding) => [finding.ruleId, finding.severity]), [['dockerfile/from-no-digest', 'warning']]);
  });
});
