/** `bulkhead rules` (JSON contract and table) and `bulkhead explain`. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { renderRuleDoc } from '../../server/src/cli/rule-docs';
import { findRule } from '../../server/src/core/index';
import { ensureBuilt, ROOT, runCli } from './support';

/** SPEC §4's six peers in order, then Compose's peers (KICS, semgrep). */
const PEERS = ['hadolint', 'checkov', 'kube-linter', 'trivy', 'pss', 'cis', 'kics', 'semgrep'];

before(ensureBuilt);

interface CatalogEntry {
  id: string;
  target: string;
  severity: string;
  title: string;
  fixable: boolean;
  docs: string;
  equivalents: Record<string, string[]>;
}

describe('bulkhead rules', () => {
  it('--format json: every rule with every peer equivalents key', () => {
    const result = runCli(['rules', '--format', 'json'], ROOT);
    assert.equal(result.status, 0, result.stderr);
    const rules = JSON.parse(result.stdout) as CatalogEntry[];
    assert.ok(Array.isArray(rules) && rules.length >= 2);
    for (const rule of rules) {
      assert.deepEqual(Object.keys(rule), ['id', 'target', 'severity', 'title', 'fixable', 'docs', 'equivalents']);
      assert.deepEqual(Object.keys(rule.equivalents), PEERS);
      for (const peer of PEERS) assert.ok(Array.isArray(rule.equivalents[peer]) && rule.equivalents[peer]!.every((id) => typeof id === 'string'));
      assert.ok(['dockerfile', 'kubernetes', 'compose'].includes(rule.target));
      assert.ok(['error', 'warning', 'info'].includes(rule.severity));
      assert.ok(rule.docs.startsWith('https://') && rule.docs.endsWith(`/docs/rules/${rule.id}.md`));
      assert.equal(rule.fixable, findRule(rule.id)!.meta.fix !== 'none');
    }
    assert.ok(rules.some((rule) => PEERS.some((peer) => rule.equivalents[peer]!.length > 0)), 'equivalents are not all empty');
    assert.deepEqual(rules.map((rule) => rule.id), rules.map((rule) => rule.id).sort());

    const privileged = rules.find((rule) => rule.id === 'k8s/privileged-container')!;
    assert.equal(privileged.target, 'kubernetes');
    assert.equal(privileged.fixable, true);
    assert.deepEqual(privileged.equivalents['kube-linter'], ['privileged-container']);
    const userRoot = rules.find((rule) => rule.id === 'dockerfile/user-root')!;
    assert.deepEqual(userRoot.equivalents.hadolint, ['DL3002']);
    assert.deepEqual(userRoot.equivalents['kube-linter'], []);
  });

  it('text: an aligned table', () => {
    const result = runCli(['rules'], ROOT);
    assert.equal(result.status, 0);
    const lines = result.stdout.split('\n');
    assert.match(lines[0]!, /^RULE +TARGET +SEVERITY +FIX +TITLE$/);
    const rows = lines.slice(1).filter((line) => /^[a-z0-9]+\//.test(line));
    assert.ok(rows.some((row) => row.startsWith('dockerfile/user-root ')));
    assert.ok(rows.some((row) => row.startsWith('k8s/privileged-container ')));
    const targetColumn = lines[0]!.indexOf('TARGET');
    for (const row of rows) assert.match(row.slice(targetColumn), /^(dockerfile|kubernetes|compose) /);
  });

  it('rejects a bad --format and positional arguments', () => {
    assert.equal(runCli(['rules', '--format', 'yaml'], ROOT).status, 2);
    assert.equal(runCli(['rules', 'extra'], ROOT).status, 2);
  });
});

describe('bulkhead explain', () => {
  it('prints the same documentation as the rule page', () => {
    const result = runCli(['explain', 'k8s/privileged-container'], ROOT);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.startsWith(renderRuleDoc(findRule('k8s/privileged-container')!.meta)));
    assert.match(result.stdout, /## Why it matters/);
  });

  it('finds a rule by its short name or a peer id', () => {
    assert.match(runCli(['explain', 'DL3002'], ROOT).stdout, /^# dockerfile\/user-root/);
    assert.match(runCli(['explain', 'privileged-container'], ROOT).stdout, /^# k8s\/privileged-container/);
  });

  it('exits 2 for an unknown rule, with suggestions', () => {
    const result = runCli(['explain', 'privileged-cont'], ROOT);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no rule 'privileged-cont'\. Did you mean k8s\/privileged-container[,?]/);
    assert.equal(runCli(['explain'], ROOT).status, 2);
  });
});
