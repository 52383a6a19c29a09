/**
 * TEST-ONLY hooks of the language server. The Node entry (server/src/server.ts) reads them once,
 * from the environment, when the process starts; nothing sets them in normal use. They let the
 * LSP tests make the real, bundled server fail in ways no input triggers (every rule is written
 * not to throw, so no document makes one throw).
 *
 * - `BULKHEAD_TEST_THROWING_RULE=1`: adds the rule `dockerfile/test-throwing-rule`, which throws on
 *   every Dockerfile, to prove that a failing rule becomes one `bulkhead/internal` diagnostic
 *   while the other rules' findings still arrive.
 */
import { DEFAULT_RULE_SET, type RuleSet } from '../core/index';
import type { DockerfileRule } from '../core/rules/define';
import type { StartOptions } from './server';

export const THROWING_RULE_VARIABLE = 'BULKHEAD_TEST_THROWING_RULE';
export const THROWING_RULE_ID = 'dockerfile/test-throwing-rule';

const throwingRule: DockerfileRule = {
  meta: {
    id: THROWING_RULE_ID,
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'Test-only rule that always throws',
    rationale: `Enabled only by the ${THROWING_RULE_VARIABLE} environment variable, for tests.`,
    remediation: 'Unset the variable.',
    messages: {},
    fix: 'none',
    equivalents: {},
  },
  check() {
    throw new Error(`${THROWING_RULE_ID} throws on purpose (${THROWING_RULE_VARIABLE} is set)`);
  },
};

/** The start options the test hooks in `env` ask for (none when no hook variable is set). */
export function testHookOptions(env: Readonly<Record<string, string | undefined>>): StartOptions {
  if (env[THROWING_RULE_VARIABLE] !== '1') return {};
  const rules: RuleSet = { ...DEFAULT_RULE_SET, dockerfile: [throwingRule, ...DEFAULT_RULE_SET.dockerfile] };
  return { rules };
}
