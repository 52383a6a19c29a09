/**
 * Every rule Bulkhead ships. Rule metadata here is the single source of the docs pages, the
 * README table, the settings schema, SARIF descriptors and `bulkhead rules`.
 */
import type { RuleSet } from '../analyze';
import { COMPOSE_RULES } from './compose/index';
import type { AnyRule, ComposeRule } from './define';
import { DOCKERFILE_RULES } from './dockerfile/index';
import { KUBERNETES_RULES } from './k8s/index';

export const ALL_RULES: readonly AnyRule[] = [...DOCKERFILE_RULES, ...KUBERNETES_RULES, ...COMPOSE_RULES];

export const DEFAULT_RULE_SET: RuleSet = {
  dockerfile: DOCKERFILE_RULES,
  kubernetes: KUBERNETES_RULES,
  compose: COMPOSE_RULES,
};

export function findRule(id: string): AnyRule | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}

/** A rule set holding only `rule`: what per-rule tests analyse with. */
export function ruleSetOf(rule: AnyRule): RuleSet {
  return {
    dockerfile: rule.meta.target === 'dockerfile' ? [rule as (typeof DOCKERFILE_RULES)[number]] : [],
    kubernetes: rule.meta.target === 'kubernetes' ? [rule as (typeof KUBERNETES_RULES)[number]] : [],
    compose: rule.meta.target === 'compose' ? [rule as ComposeRule] : [],
  };
}
