/**
 * Every rule's documented example (shown on its docs page) is true: the insecure snippet is
 * reported by the rule, the secure one is not. Opt-in rules are switched on for the check;
 * cross-file rules are checked in their own tests (their examples span several files).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ALL_RULES, ruleSetOf, WorkspaceIndex, type AnyRule } from '../../server/src/core/index';

const fileNameOf = (rule: AnyRule) => (rule.meta.target === 'dockerfile' ? 'Dockerfile' : rule.meta.target === 'compose' ? 'compose.yaml' : 'manifest.yaml');

function findings(rule: AnyRule, text: string) {
  const config = { rules: { [rule.meta.id]: rule.meta.defaultSeverity }, trustedRegistries: ['ghcr.io', 'registry.example.com', 'docker.io/library'] };
  return analyze({ fileName: fileNameOf(rule), text }, { rules: ruleSetOf(rule), config, workspace: new WorkspaceIndex() }).findings;
}

describe('documented examples', () => {
  it('every rule has an insecure and a secure example', () => {
    assert.deepEqual(ALL_RULES.filter((rule) => !rule.meta.example).map((rule) => rule.meta.id), []);
  });

  for (const rule of ALL_RULES) {
    if (!rule.meta.example || rule.meta.scope === 'workspace') continue;
    it(`${rule.meta.id}: the insecure example is reported, the secure one is not`, () => {
      assert.ok(findings(rule, rule.meta.example!.insecure).length > 0, 'insecure example not reported');
      assert.deepEqual(findings(rule, rule.meta.example!.secure).map((finding) => finding.message), []);
    });
  }
});
