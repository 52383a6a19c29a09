/** The engine's public surface, for the language server, the CLI and tests. */
export {
  analyze,
  classifyFileName,
  MAX_ANALYZED_BYTES,
  tooLargeToReadResult,
  UNUSED_SUPPRESSION_CODE,
  unusedSuppressionFindings,
  type AnalysisInput,
  type AnalysisOptions,
  type AnalysisResult,
  type FileKind,
  type RuleSet,
  type SuppressedFinding,
  type UnusedSuppression,
} from './analyze';
export { normalizePeerId, peerResolverOf, type PeerResolver, type PeerTool, type Suppression, type SuppressionSource } from './engine/suppressions';
export { DEFAULT_CONFIG, DEFAULT_KUBERNETES_VERSION, effectiveSeverity, isConfiguredSeverity, isRuleEnabled, ruleOptionsOf, type AnalysisConfig, type RuleOptions } from './engine/config';
export { applyEdits, mergeNonOverlapping } from './engine/edits';
export { LineIndex, type LinePosition } from './engine/line-index';
export type { AnalysisProblem, ConfiguredSeverity, Equivalents, Finding, FindingTag, Fix, OffsetRange, Rule, RuleMeta, Severity, TextEdit } from './engine/types';
export { PEER_NAMES, SEVERITY_ORDER } from './engine/types';
export { docsUrl, type AnyRule } from './rules/define';
export { ALL_RULES, DEFAULT_RULE_SET, findRule, ruleSetOf } from './rules/index';
export { WorkspaceIndex, type WorkspaceEntry, type WorkspaceView } from './workspace/workspace-index';
export type { WorkspaceObject } from './workspace/objects';
export { CHANGE_ME, refactorsOf, type NewFile, type RefactorOffer } from './refactors/index';
export { CONFIG_FILE_NAMES, CONFIG_KEYS, isConfigFileName, parseConfigFile, type ConfigFileProblem, type FileConfig, type ParsedConfigFile } from './config/config-file';
export { excludeMatcher, type ExcludeMatcher } from './config/exclude-globs';
export { analysisConfigOf, configFileCandidates, configSearchFolders, parentFolder, resolveConfig, type FoundConfigFile, type ResolvedConfig } from './config/nearest-config';
