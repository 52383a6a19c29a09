/**
 * Every rule Bulkhead ships. Rule metadata here is the single source of the docs pages, the
 * README table, the settings schema, SARIF descriptors and `bulkhead rules`.
 */
import type { RuleSet } from '../analyze';
import { COMPOSE_RULES } from './compose/index';
import type { AnyRule, ComposeRule, CrossFileRule, DockerfileRule, KubernetesRule } from './define';
import { CROSS_FILE_RULES } from './k8s/cross-file';
import { DOCKERFILE_RULES } from './dockerfile/index';
import { KUBERNETES_RULES } from './k8s/index';

export const ALL_RULES: readonly AnyRule[] = [...DOCKERFILE_RULES, ...KUBERNETES_RULES, ...CROSS_FILE_RULES, ...COMPOSE_RULES];

export const DEFAULT_RULE_SET: RuleSet = {
  dockerfile: DOCKERFILE_RULES,
  kubernetes: KUBERNETES_RULES,
  compose: COMPOSE_RULES,
  crossFile: CROSS_FILE_RULES,
};

export function findRule(id: string): AnyRule | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}

/** A rule set holding only `rule`: what per-rule tests analyse with. */
export function ruleSetOf(rule: AnyRule): RuleSet {
  const only = <T extends AnyRule>(matches: boolean): readonly T[] => (matches ? [rule as T] : []);
  const crossFile = rule.meta.scope === 'workspace';
  return {
    dockerfile: only<DockerfileRule>(rule.meta.target === 'dockerfile'),
    kubernetes: only<KubernetesRule>(rule.meta.target === 'kubernetes' && !crossFile),
    compose: only<ComposeRule>(rule.meta.target === 'compose'),
    crossFile: only<CrossFileRule>(crossFile),
  };
}
