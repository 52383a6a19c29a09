/**
 * `.bulkhead.yaml` (or `.bulkhead.yml`) at the root of each workspace folder, read through the
 * host's file access: its settings apply to the folder's files under the user's VS Code
 * settings (settings win: their `rules` override the file's, their `exclude` globs add to its),
 * and its problems are published as diagnostics on the file itself.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, LineIndex, parseConfigFile, type ConfigFileProblem, type FileConfig } from '../core/index';
import { SOURCE } from './diagnostics';
import { toRange } from './positions';
import type { DocumentSettings } from './settings';
import { pathOfUri, type WorkspaceFolders } from './workspace';
import type { WorkspaceFiles } from './workspace-diagnostics';

export const CONFIG_PROBLEM_CODE = 'bulkhead/config';

/** A folder's configuration file as last read (absent: no file). */
export interface FolderConfig {
  readonly path: string;
  readonly config: FileConfig;
  readonly problems: readonly ConfigFileProblem[];
  readonly lines: LineIndex;
}

export class WorkspaceConfigFiles {
  /** Per folder path: the file being read or read (undefined: none). Stable until the file changes. */
  private readonly byFolder = new Map<string, Promise<FolderConfig | undefined>>();
  /** Config files with published problems, so fixing them clears the diagnostics. */
  private readonly published = new Set<string>();
  private readonly merged = new WeakMap<DocumentSettings, WeakMap<FolderConfig, DocumentSettings>>();

  constructor(
    private readonly files: WorkspaceFiles | undefined,
    private readonly folders: WorkspaceFolders,
    private readonly connection: Connection,
  ) {}

  /** Whether `path` is the configuration file of a workspace folder. */
  isConfigFile(path: string): boolean {
    const slash = path.lastIndexOf('/');
    return (CONFIG_FILE_NAMES as readonly string[]).includes(path.slice(slash + 1)) && this.folders.paths().includes(path.slice(0, slash));
  }

  /** The document's settings with its folder's configuration file merged under them. */
  async apply(uri: string, settings: DocumentSettings): Promise<DocumentSettings> {
    const path = pathOfUri(uri);
    const folder = this.folders.paths().includes(path) ? path : this.folders.folderOf(path);
    if (folder === undefined) return settings;
    const config = await this.load(folder);
    return config ? this.merge(settings, config) : settings;
  }

  /** Reads the folder's file again (it changed on disk) and publishes its problems. */
  async reload(folder: string): Promise<void> {
    this.byFolder.delete(folder);
    await this.load(folder);
  }

  /** Reads every folder's file (on start and when folders change); forgets folders that went. */
  async reloadAll(): Promise<void> {
    for (const folder of [...this.byFolder.keys()]) if (!this.folders.paths().includes(folder)) this.byFolder.delete(folder);
    await Promise.all(this.folders.paths().map((folder) => this.reload(folder)));
  }

  /** Diagnostics of a configuration file's text (also for an open, unsaved one). */
  diagnosticsOf(text: string): Diagnostic[] {
    const lines = new LineIndex(text);
    return parseConfigFile(text).problems.map((problem) => problemDiagnostic(lines, problem));
  }

  /** Publishes the problems of the folder's file as read from disk (after it was closed in the editor). */
  async republish(path: string): Promise<void> {
    const folder = path.slice(0, path.lastIndexOf('/'));
    const config = await this.load(folder);
    // The editor showed the open document's problems: replace them with the file's, even none.
    const diagnostics = config?.path === path ? config.problems.map((problem) => problemDiagnostic(config.lines, problem)) : [];
    if (diagnostics.length > 0) this.published.add(path);
    else this.published.delete(path);
    if (this.files) await this.connection.sendDiagnostics({ uri: this.files.toUri(path), diagnostics });
  }

  private load(folder: string): Promise<FolderConfig | undefined> {
    let loading = this.byFolder.get(folder);
    if (!loading) {
      loading = this.read(folder);
      this.byFolder.set(folder, loading);
    }
    return loading;
  }

  private async read(folder: string): Promise<FolderConfig | undefined> {
    if (!this.files) return undefined;
    let found: FolderConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const path = `${folder}/${name}`;
      const text = found ? undefined : await this.files.read(path);
      if (text === undefined) {
        await this.clear(path);
        continue;
      }
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const parsed = parseConfigFile(body);
      // Ranges are into the text without a byte-order mark; the line index is of that text too.
      found = { path, config: parsed.config, problems: parsed.problems, lines: new LineIndex(body) };
      await this.publish(found);
    }
    return found;
  }

  private async publish(config: FolderConfig): Promise<void> {
    const diagnostics = config.problems.map((problem) => problemDiagnostic(config.lines, problem));
    if (diagnostics.length === 0) return this.clear(config.path);
    this.published.add(config.path);
    await this.connection.sendDiagnostics({ uri: this.files!.toUri(config.path), diagnostics });
  }

  private async clear(path: string): Promise<void> {
    if (!this.published.delete(path) || !this.files) return;
    await this.connection.sendDiagnostics({ uri: this.files.toUri(path), diagnostics: [] });
  }

  /** Settings win: their rules override the file's; their exclude globs add to its. Stable objects per pair. */
  private merge(settings: DocumentSettings, file: FolderConfig): DocumentSettings {
    let byFile = this.merged.get(settings);
    if (!byFile) this.merged.set(settings, (byFile = new WeakMap()));
    let merged = byFile.get(file);
    if (!merged) {
      const { config } = file;
      merged = {
        ...settings,
        rules: { ...config.rules, ...settings.rules },
        exclude: [...config.exclude, ...settings.exclude],
        ...(settings.trustedRegistries === undefined && config.trustedRegistries !== undefined ? { trustedRegistries: config.trustedRegistries } : {}),
        ...(settings.kubernetesVersion === undefined && config.kubernetesVersion !== undefined ? { kubernetesVersion: config.kubernetesVersion } : {}),
      };
      byFile.set(file, merged);
    }
    return merged;
  }
}

function problemDiagnostic(lines: LineIndex, problem: ConfigFileProblem): Diagnostic {
  return {
    range: toRange(lines, problem.range),
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: CONFIG_PROBLEM_CODE,
    message: problem.message,
  };
}
