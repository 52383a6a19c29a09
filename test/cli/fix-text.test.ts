/** The `--fix` loop itself (pure): overlapping fixes wait for the next pass, and it always stops. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixText, MAX_FIX_PASSES } from '../../server/src/cli/fix';
import type { RuleSet } from '../../server/src/core/index';
import type { KubernetesRule } from '../../server/src/core/rules/define';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

function rule(id: string, fix: KubernetesRule['meta']['fix'], check: KubernetesRule['check']): KubernetesRule {
  return {
    meta: { id, target: 'kubernetes', defaultSeverity: 'warning', title: id, rationale: 'r', remediation: 'm', messages: { m: id }, fix, equivalents: {} },
    check,
  };
}

const rules = (...kubernetes: KubernetesRule[]): RuleSet => ({ dockerfile: [], kubernetes, compose: [] });

describe('fixText', () => {
  it('applies overlapping fixes over several passes until nothing is left', () => {
    // Both insert a comment at the start of the file: the same point, so one waits a pass.
    const comment = (id: string, line: string) =>
      rule(id, 'safe', (resource, context) => {
        if (!resource.file.text.includes(line)) context.report({ messageId: 'm', range: resource.anchorRange, fix: { title: id, edits: [{ start: 0, end: 0, newText: line }] } });
      });
    const outcome = fixText('a.yaml', MANIFEST, { rules: rules(comment('k8s/b', '# b\n'), comment('k8s/a', '# a\n')) });
    assert.equal(outcome.passes, 2);
    assert.deepEqual([...outcome.applied].sort(), [['k8s/a', 1], ['k8s/b', 1]]);
    assert.equal(outcome.text, `# b\n# a\n${MANIFEST}`);
    assert.deepEqual(outcome.result.findings, []);
  });

  it('stops after MAX_FIX_PASSES when fixes never settle', () => {
    const forever = rule('k8s/forever', 'safe', (resource, context) => {
      context.report({ messageId: 'm', range: resource.anchorRange, fix: { title: 'comment', edits: [{ start: 0, end: 0, newText: '# more\n' }] } });
    });
    const outcome = fixText('a.yaml', MANIFEST, { rules: rules(forever) });
    assert.equal(outcome.passes, MAX_FIX_PASSES);
    assert.equal(outcome.text, `${'# more\n'.repeat(MAX_FIX_PASSES)}${MANIFEST}`);
    assert.equal(outcome.result.findings.length, 1, 'what is left is reported');
  });

  it('never applies suggestions', () => {
    const suggestion = rule('k8s/suggest', 'suggestion', (resource, context) => {
      context.report({ messageId: 'm', range: resource.anchorRange, fix: { title: 'comment', edits: [{ start: 0, end: 0, newText: '# hi\n' }] } });
    });
    const outcome = fixText('a.yaml', MANIFEST, { rules: rules(suggestion) });
    assert.equal(outcome.text, MANIFEST);
    assert.equal(outcome.passes, 0);
    assert.equal(outcome.result.findings.length, 1);
  });
});
