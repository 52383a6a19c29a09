import type { ConfiguredSeverity, RuleMeta, Severity } from './types';

/** What the user configured. Settings and `.bulkhead.yaml` both map onto this. */
export interface AnalysisConfig {
  /** Per-rule severities, or `off`. */
  readonly rules?: Readonly<Record<string, ConfiguredSeverity>>;
  /** Registries images may come from (`docker.io`, `*.example.com`); empty means no restriction. */
  readonly trustedRegistries?: readonly string[];
  /** The Kubernetes version manifests target, e.g. `1.31` (for deprecated APIs). */
  readonly kubernetesVersion?: string;
}

export const DEFAULT_CONFIG: AnalysisConfig = {};

/** The default Kubernetes version judged against when none is configured. */
export const DEFAULT_KUBERNETES_VERSION = '1.31';

/** Parameters some rules take from configuration (never severities or suppressions: the runner applies those). */
export interface RuleOptions {
  readonly trustedRegistries: readonly string[];
  readonly kubernetesVersion: string;
}

export function ruleOptionsOf(config: AnalysisConfig): RuleOptions {
  return {
    trustedRegistries: config.trustedRegistries ?? [],
    kubernetesVersion: config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
  };
}

/** The severity a rule's findings get, or `off`. A finding-specific severity applies unless the user chose one. */
export function effectiveSeverity(
  meta: RuleMeta,
  config: AnalysisConfig,
  reported?: Severity,
): ConfiguredSeverity {
  const configured = config.rules?.[meta.id];
  if (configured !== undefined) return configured;
  return reported ?? meta.defaultSeverity;
}

/** Opt-in rules run only when the user gives them a severity; others unless turned `off`. */
export function isRuleEnabled(meta: RuleMeta, config: AnalysisConfig): boolean {
  const configured = config.rules?.[meta.id];
  if (meta.optIn) return configured !== undefined && configured !== 'off';
  return configured !== 'off';
}

const SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'info', 'warning', 'error'];

export function isConfiguredSeverity(value: unknown): value is ConfiguredSeverity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
