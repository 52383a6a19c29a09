import type { ConfiguredSeverity, RuleMeta, Severity } from './types';

/** What the user configured: per-rule severities (or `off`). Settings and `.bulkhead.yaml` both map onto this. */
export interface AnalysisConfig {
  readonly rules?: Readonly<Record<string, ConfiguredSeverity>>;
}

export const DEFAULT_CONFIG: AnalysisConfig = {};

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

export function isRuleEnabled(meta: RuleMeta, config: AnalysisConfig): boolean {
  return config.rules?.[meta.id] !== 'off';
}

const SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'info', 'warning', 'error'];

export function isConfiguredSeverity(value: unknown): value is ConfiguredSeverity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
