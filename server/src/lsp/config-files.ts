/**
 * `.bulkhead.yaml` (or `.bulkhead.yml`) files of the workspace folders, read through the host's
 * file access. Each document gets the configuration files found by walking up from its folder to
 * its workspace folder (not beyond), resolved as the command line resolves them
 * (core/config/nearest-config.ts): the nearest file's settings, the `exclude` globs of all of
 * them. That applies under the user's VS Code settings (settings win: their `rules` override the
 * file's, their `exclude` globs add to its). Problems of a configuration file are published as
 * diagnostics on the file itself.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import {
  CONFIG_FILE_NAMES,
  configFileCandidates,
  configSearchFolders,
  LineIndex,
  parentFolder,
  parseConfigFile,
  resolveConfig,
  type ConfigFileProblem,
  type FileConfig,
  type ResolvedConfig,
} from '../core/index';
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

/**
 * What applies in one folder of documents. The object stays the same until one of its files
 * changes, so the merged settings (and the engine's reuse of unchanged results) stay too.
 */
interface FolderResolution {
  /** The workspace folder the walk stopped at; `exclude` globs are made relative to it. */
  readonly root: string;
  readonly resolved: ResolvedConfig;
}

export class WorkspaceConfigFiles {
  /** Per folder path: its own configuration file being read or read (undefined: none). Stable until the file changes. */
  private readonly byFolder = new Map<string, Promise<FolderConfig | undefined>>();
  /** Per folder of documents: the configuration that applies there. */
  private readonly resolutions = new Map<string, Promise<FolderResolution>>();
  /** Config files with published problems, so fixing them clears the diagnostics. */
  private readonly published = new Set<string>();
  private readonly merged = new WeakMap<DocumentSettings, WeakMap<FolderResolution, DocumentSettings>>();

  constructor(
    private readonly files: WorkspaceFiles | undefined,
    private readonly folders: WorkspaceFolders,
    private readonly connection: Connection,
  ) {}

  /** Whether `path` is a configuration file inside a workspace folder (at its root or below). */
  isConfigFile(path: string): boolean {
    const slash = path.lastIndexOf('/');
    return (CONFIG_FILE_NAMES as readonly string[]).includes(path.slice(slash + 1)) && this.folders.contains(path);
  }

  /**
   * The document's settings with the configuration files that apply to it merged under them.
   * `uri` may also be a workspace folder's: its own configuration file applies (what the
   * workspace scan uses to find files).
   */
  async apply(uri: string, settings: DocumentSettings): Promise<DocumentSettings> {
    const path = pathOfUri(uri).replace(/(?<!\/)\/+$/, '');
    const isFolder = this.folders.paths().includes(path);
    const root = isFolder ? path : this.folders.folderOf(path);
    if (root === undefined) return settings;
    const resolution = await this.resolve(isFolder ? path : parentFolder(path), root);
    return resolution.resolved.nearest === undefined && resolution.resolved.exclude.length === 0 ? settings : this.merge(settings, resolution);
  }

  /**
   * Reads the configuration file of `folder` again (it changed, appeared or went on disk),
   * publishes its problems, and forgets what was resolved for the folders under it.
   */
  async reload(folder: string): Promise<void> {
    this.byFolder.delete(folder);
    for (const directory of [...this.resolutions.keys()]) {
      if (directory === folder || directory.startsWith(`${folder}/`)) this.resolutions.delete(directory);
    }
    await this.load(folder);
  }

  /** Reads every folder's file (on start and when folders change); forgets what lies outside the folders now. */
  async reloadAll(): Promise<void> {
    const roots = this.folders.paths();
    for (const folder of [...this.byFolder.keys()]) if (!roots.includes(folder) && !this.folders.contains(folder)) this.byFolder.delete(folder);
    // The innermost workspace folder of a path may have changed: resolve everything again.
    this.resolutions.clear();
    await Promise.all(roots.map((folder) => this.reload(folder)));
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

  private resolve(directory: string, root: string): Promise<FolderResolution> {
    let resolution = this.resolutions.get(directory);
    if (!resolution) {
      resolution = this.readResolution(directory, root);
      this.resolutions.set(directory, resolution);
    }
    return resolution;
  }

  private async readResolution(directory: string, root: string): Promise<FolderResolution> {
    const found: { folder: string; config: FileConfig }[] = [];
    for (const folder of configSearchFolders(directory, root)) {
      const file = await this.load(folder);
      if (file) found.push({ folder, config: file.config });
    }
    return { root, resolved: resolveConfig(found) };
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
    for (const path of configFileCandidates(folder)) {
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

  /** Settings win: their rules override the files'; their exclude globs add to theirs. Stable objects per pair. */
  private merge(settings: DocumentSettings, resolution: FolderResolution): DocumentSettings {
    let byResolution = this.merged.get(settings);
    if (!byResolution) this.merged.set(settings, (byResolution = new WeakMap()));
    let merged = byResolution.get(resolution);
    if (!merged) {
      const { settings: file, exclude } = resolution.resolved;
      merged = {
        ...settings,
        rules: { ...file.rules, ...settings.rules },
        exclude: [...exclude.flatMap(({ base, patterns }) => rebaseGlobs(patterns, base, resolution.root)), ...settings.exclude],
        ...(settings.trustedRegistries === undefined && file.trustedRegistries !== undefined ? { trustedRegistries: file.trustedRegistries } : {}),
        ...(settings.kubernetesVersion === undefined && file.kubernetesVersion !== undefined ? { kubernetesVersion: file.kubernetesVersion } : {}),
      };
      byResolution.set(resolution, merged);
    }
    return merged;
  }
}

/**
 * A configuration file's exclude globs (relative to its `base` folder) as globs relative to the
 * workspace folder `root`, as `bulkhead.exclude` globs are (core/config/exclude-globs.ts): `generated/**` in
 * `svc/.bulkhead.yaml` becomes `svc/generated/**`, and `*.gen.yaml` — a name at any depth —
 * `svc/**\/*.gen.yaml`.
 */
export function rebaseGlobs(patterns: readonly string[], base: string, root: string): string[] {
  if (base === root) return [...patterns];
  const prefix = base.slice(root.length + 1);
  return patterns.flatMap((pattern) => {
    const glob = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '').replace(/(?<!\/)\/+$/, '');
    if (glob === '') return [];
    return [glob.includes('/') ? `${prefix}/${glob}` : `${prefix}/**/${glob}`];
  });
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
