/**
 * Workspace-wide diagnostics: every Dockerfile, manifest and Compose file of the workspace
 * folders is analysed in the background on start (with progress), kept current through file
 * events, and feeds the workspace index that cross-file rules read. Open documents are the
 * scheduler's business; this module publishes for closed files only and asks the server to
 * re-validate open documents whose cross-file findings may have changed.
 */
import type { Connection } from 'vscode-languageserver';
import { classifyFileName, excludeMatcher, tooLargeToReadResult, type AnalysisResult, type WorkspaceIndex } from '../core/index';
import type { Analyzer } from './analysis';
import { toDiagnostics } from './diagnostics';
import type { Logger } from './logger';
import type { DocumentSettings } from './settings';
import { pathOfUri, type WorkspaceFolders } from './workspace';

/** The file system access a workspace scan needs; only hosts that have a file system provide it. */
export interface WorkspaceFiles {
  /** Files Bulkhead analyses under `folder` (absolute paths), honouring `.gitignore` and `exclude` globs. */
  discover(folder: string, exclude: readonly string[]): Promise<readonly string[]>;
  /** The file's text, or undefined when it cannot be read (gone, a directory, too large). */
  read(path: string): Promise<string | undefined>;
  /**
   * Like {@link read}, but a file above the engine's size bound (MAX_ANALYZED_BYTES) is not read
   * and its size is returned instead, so that the Problems panel can say why it has no findings.
   */
  readForAnalysis(path: string): Promise<string | { readonly tooLarge: number } | undefined>;
  toUri(path: string): string;
  /** Lets pending messages (keystrokes) through between files. */
  yieldNow(): Promise<void>;
}

export interface WorkspaceDiagnosticsDeps {
  readonly connection: Connection;
  readonly analyzer: Analyzer;
  readonly index: WorkspaceIndex;
  readonly folders: WorkspaceFolders;
  readonly files: WorkspaceFiles;
  readonly logger: Logger;
  /** A document's settings: the user's (fetched for `settingsScope`, by default the document) over the `.bulkhead.yaml` files that apply to it. */
  readonly settingsFor: (uri: string, settingsScope?: string) => Promise<DocumentSettings>;
  /** `files.exclude` globs of a folder (those set to true). */
  readonly filesExclude: (folderUri: string) => Promise<readonly string[]>;
  /** The URI of the open document at `path`, if it is open. */
  readonly openUri: (path: string) => string | undefined;
  /** URIs of every open document. */
  readonly openUris: () => readonly string[];
  /** Re-validates an open document (its cross-file findings may have changed). */
  readonly revalidateOpen: (uri: string) => void;
  readonly supportsProgress: boolean;
}

/** A closed Kubernetes file: kept so its cross-file findings can be recomputed without reading it again. */
interface ClosedFile {
  readonly uri: string;
  readonly text: string;
  readonly result: AnalysisResult;
}

export class WorkspaceDiagnostics {
  private readonly closed = new Map<string, ClosedFile>();
  /** Paths with published diagnostics, so deleting a file clears them. */
  private readonly published = new Set<string>();
  private scanning: Promise<void> | undefined;

  constructor(private readonly deps: WorkspaceDiagnosticsDeps) {}

  /** Analyses every matching file of every folder; open documents are skipped (the scheduler has them). */
  scan(): Promise<void> {
    // Scans run one after another: a rescan (settings or folders changed) waits for the running one.
    this.scanning = (this.scanning ?? Promise.resolve())
      .then(() => this.scanFolders())
      .catch((error: unknown) => this.deps.logger.error(`Workspace scan failed: ${String(error)}`));
    return this.scanning;
  }

  /** Called after an open document was analysed: updates the index and refreshes the files that depend on it. */
  async openDocumentAnalysed(uri: string, result: AnalysisResult): Promise<void> {
    const path = pathOfUri(uri);
    this.closed.delete(path);
    if (this.deps.index.set(path, result.objects)) await this.refresh(this.deps.index.dependentsOf(path));
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    const path = pathOfUri(uri);
    if (this.deps.openUri(path) !== undefined || classifyFileName(path) === 'other') return;
    await this.scanning;
    const analysed = await this.analyzeFromDisk(path, uri);
    if (!analysed) return this.fileDeleted(uri);
    await this.refresh(analysed);
  }

  /** A watched file was deleted (or renamed away): its findings go, files depending on it are refreshed. */
  async fileDeleted(uri: string): Promise<void> {
    const path = pathOfUri(uri);
    this.closed.delete(path);
    if (this.published.delete(path) && this.deps.openUri(path) === undefined) {
      await this.deps.connection.sendDiagnostics({ uri: this.deps.files.toUri(path), diagnostics: [] });
    }
    if (this.deps.openUri(path) === undefined && this.deps.index.delete(path)) await this.refresh(this.deps.index.dependentsOf(path));
  }

  /** An open document was closed: a workspace file keeps its findings (read from disk); others lose them. */
  async documentClosed(uri: string): Promise<boolean> {
    const path = pathOfUri(uri);
    if (!this.deps.folders.contains(path)) return false;
    const analysed = await this.analyzeFromDisk(path, uri);
    if (!analysed) {
      this.deps.index.delete(path);
      return false;
    }
    await this.refresh(analysed);
    return true;
  }

  private async scanFolders(): Promise<void> {
    const { files, logger } = this.deps;
    const progress = this.deps.supportsProgress ? await this.deps.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Bulkhead', 0, 'Finding files…');
    // However the scan ends, the progress ends with it (a failure is logged by scan()).
    try {
      const started = Date.now();
      const found: string[] = [];
      for (const folder of this.deps.folders.paths()) {
        const folderUri = files.toUri(folder);
        const settings = await this.deps.settingsFor(folderUri);
        if (!settings.enable) continue;
        const exclude = [...settings.exclude, ...(await this.deps.filesExclude(folderUri))];
        found.push(...(await files.discover(folder, exclude)));
      }
      // First every file on its own (filling the index), then cross-file findings once the index is complete.
      const withObjects: string[] = [];
      let referencesChanged = false;
      for (const [position, path] of found.entries()) {
        if (this.deps.openUri(path) === undefined) {
          const analysed = await this.analyzeFile(path, files.toUri(path), { publish: false });
          if (analysed?.referencesChanged) referencesChanged = true;
          if (analysed?.result.objects.length) withObjects.push(path);
          else if (analysed) await this.publish(path, analysed.uri, analysed.result);
        }
        if (position % 50 === 0) progress?.report(Math.floor((position / Math.max(1, found.length)) * 100), `${position}/${found.length} files`);
        await files.yieldNow();
      }
      for (const path of withObjects) {
        const entry = this.closed.get(path);
        if (entry) await this.reanalyze(path, entry);
        await files.yieldNow();
      }
      // Open documents analysed while the index filled up may need their cross-file findings again.
      if (referencesChanged) for (const uri of this.deps.openUris()) if (this.deps.index.objectsOf(pathOfUri(uri)).length > 0) this.deps.revalidateOpen(uri);
      logger.info(`Workspace scan: ${found.length} files in ${Date.now() - started} ms`);
    } finally {
      progress?.done();
    }
  }

  /** Reads and analyses a closed file; publishes its diagnostics; returns the files depending on it. */
  private async analyzeFromDisk(path: string, uri: string): Promise<string[] | undefined> {
    const analysed = await this.analyzeFile(path, uri, { publish: true });
    if (!analysed) return undefined;
    return analysed.referencesChanged ? this.deps.index.dependentsOf(path) : [];
  }

  private async analyzeFile(path: string, uri: string, { publish }: { publish: boolean }) {
    const content = await this.deps.files.readForAnalysis(path);
    if (content === undefined) return undefined;
    const settings = await this.settingsOfFile(path, uri);
    if (!settings.enable || excludeMatcher(settings.exclude)(this.deps.folders.relativePath(uri))) return undefined;
    if (typeof content !== 'string') return this.tooLargeToRead(path, uri, content.tooLarge, { publish });
    const text = content;
    const previous = this.closed.get(path)?.result;
    const result = this.deps.analyzer.analyzeText({ uri, languageId: '', text }, settings, previous);
    const referencesChanged = this.deps.index.set(path, result.objects);
    if (result.objects.length > 0) this.closed.set(path, { uri, text, result });
    else this.closed.delete(path);
    if (publish) await this.publish(path, uri, result);
    return { uri, result, referencesChanged };
  }

  /** A file not read for its size: no findings, one problem that says why (as opening it would). */
  private async tooLargeToRead(path: string, uri: string, size: number, { publish }: { publish: boolean }) {
    const result = tooLargeToReadResult(path, size);
    if (!result) return undefined;
    const referencesChanged = this.deps.index.set(path, []);
    this.closed.delete(path);
    if (publish) await this.publish(path, uri, result);
    return { uri, result, referencesChanged };
  }

  /** Recomputes a closed file's findings against the current index (unchanged documents are reused). */
  private async reanalyze(path: string, entry: ClosedFile): Promise<void> {
    const settings = await this.settingsOfFile(path, entry.uri);
    const result = this.deps.analyzer.analyzeText({ uri: entry.uri, languageId: '', text: entry.text }, settings, entry.result);
    this.closed.set(path, { ...entry, result });
    await this.publish(path, entry.uri, result);
  }

  /**
   * A closed file's user settings are its workspace folder's (settings are resource-scoped per
   * folder): one configuration request per folder, not one per file of a 10,000-file scan. Its
   * `.bulkhead.yaml` files are its own (the nearest one may be in a subfolder).
   */
  private settingsOfFile(path: string, uri: string): Promise<DocumentSettings> {
    const folder = this.deps.folders.folderOf(path);
    return this.deps.settingsFor(uri, folder !== undefined ? this.deps.files.toUri(folder) : uri);
  }

  private async refresh(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const open = this.deps.openUri(path);
      if (open !== undefined) this.deps.revalidateOpen(open);
      else {
        const entry = this.closed.get(path);
        if (entry) await this.reanalyze(path, entry);
      }
    }
  }

  private async publish(path: string, uri: string, result: AnalysisResult): Promise<void> {
    const diagnostics = toDiagnostics(uri, { status: 'analysed', result });
    if (diagnostics.length === 0 && !this.published.has(path)) return;
    if (diagnostics.length === 0) this.published.delete(path);
    else this.published.add(path);
    await this.deps.connection.sendDiagnostics({ uri, diagnostics });
  }
}
