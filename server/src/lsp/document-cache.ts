/**
 * The last analysis of each open document, keyed by (uri, version, settings): diagnostics,
 * hovers and code actions of one version share one analysis. Derived values (fix-all output)
 * are memoised on the same entry, so they go stale together.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer } from './analysis';
import type { DocumentSettings } from './settings';

interface Entry {
  /** Set when something outside the document changed what it should report (the workspace index). */
  stale?: boolean;
  readonly version: number;
  readonly settings: DocumentSettings;
  readonly analysis: Analysis;
  readonly derived: Map<string, unknown>;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly analyzer: Analyzer) {}

  get(document: TextDocument, settings: DocumentSettings): Analysis {
    return this.entry(document, settings).analysis;
  }

  /** A value computed once per analysed version, e.g. the fix-all text. */
  derived<T>(document: TextDocument, settings: DocumentSettings, key: string, compute: (analysis: Analysis) => T): T {
    const entry = this.entry(document, settings);
    if (!entry.derived.has(key)) entry.derived.set(key, compute(entry.analysis));
    return entry.derived.get(key) as T;
  }

  /** Forces the next request to re-analyse (reusing what it can): the document's cross-file context changed. */
  markStale(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) entry.stale = true;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private entry(document: TextDocument, settings: DocumentSettings): Entry {
    const cached = this.entries.get(document.uri);
    if (cached && !cached.stale && cached.version === document.version && cached.settings === settings) return cached;
    const previous = cached?.analysis.status === 'analysed' ? cached.analysis.result : undefined;
    const analysis = this.analyzer.analyzeDocument({ uri: document.uri, languageId: document.languageId, text: document.getText() }, settings, previous);
    const entry: Entry = { version: document.version, settings, analysis, derived: new Map() };
    this.entries.set(document.uri, entry);
    return entry;
  }
}
