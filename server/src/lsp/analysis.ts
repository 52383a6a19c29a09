/** One document's analysis as the server sees it: analysed, skipped by settings, or failed. */
import { analyze, DEFAULT_RULE_SET, excludeMatcher, type AnalysisConfig, type AnalysisResult, type RuleSet, type WorkspaceIndex } from '../core/index';
import { describeError } from './logger';
import type { DocumentSettings } from './settings';
import { pathOfUri, type WorkspaceFolders } from './workspace';

export type Analysis =
  | { readonly status: 'analysed'; readonly result: AnalysisResult }
  | { readonly status: 'skipped'; readonly reason: 'disabled' | 'excluded' }
  /** The engine itself threw (it should not: rules are isolated). Reported as one internal diagnostic. */
  | { readonly status: 'failed'; readonly error: string };

export interface AnalysedDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

export interface Analyzer {
  /**
   * Analyses a document as its settings say (skipping disabled and excluded ones). `previous`,
   * the document's last analysis, lets the engine reuse the results of unchanged YAML documents.
   */
  analyzeDocument(document: AnalysedDocument, settings: DocumentSettings, previous?: AnalysisResult): Analysis;
  /** Analyses text regardless of `enable`/`exclude`: fix-all's in-memory passes. */
  analyzeText(document: AnalysedDocument, settings: DocumentSettings, previous?: AnalysisResult): AnalysisResult;
}

/** With a workspace index, cross-file rules run too (against the other files' objects). */
export function createAnalyzer(folders: WorkspaceFolders, rules: RuleSet = DEFAULT_RULE_SET, workspace?: WorkspaceIndex): Analyzer {
  // One engine config per settings object: the engine reuses results only under the same config.
  const configs = new WeakMap<DocumentSettings, AnalysisConfig>();
  const configOf = (settings: DocumentSettings): AnalysisConfig => {
    let config = configs.get(settings);
    if (!config) {
      config = {
        rules: settings.rules,
        ...(settings.trustedRegistries ? { trustedRegistries: settings.trustedRegistries } : {}),
        ...(settings.kubernetesVersion ? { kubernetesVersion: settings.kubernetesVersion } : {}),
      };
      configs.set(settings, config);
    }
    return config;
  };
  const analyzeText = (document: AnalysedDocument, settings: DocumentSettings, previous?: AnalysisResult): AnalysisResult =>
    analyze(
      { fileName: pathOfUri(document.uri), text: document.text, languageId: document.languageId },
      { rules, config: configOf(settings), ...(previous ? { previous } : {}), ...(workspace ? { workspace } : {}) },
    );
  return {
    analyzeText,
    analyzeDocument(document, settings, previous) {
      if (!settings.enable) return { status: 'skipped', reason: 'disabled' };
      if (excludeMatcher(settings.exclude)(folders.relativePath(document.uri))) {
        return { status: 'skipped', reason: 'excluded' };
      }
      try {
        return { status: 'analysed', result: analyzeText(document, settings, previous) };
      } catch (error) {
        return { status: 'failed', error: describeError(error) };
      }
    },
  };
}
