/**
 * Which `.bulkhead.yaml` files apply to a file (SPEC §3) — one resolution for the command line
 * and the editor:
 *
 * - the nearest configuration file in the file's folder or a folder above it gives the
 *   settings (`rules`, `trustedRegistries`, `kubernetesVersion`); files further up do not add
 *   to them (no cascade: what a folder's file says is all that applies there);
 * - the `exclude` globs of every configuration file on the way up apply, each relative to its
 *   own folder: a file excluded from above stays excluded whatever the nearer files say (and
 *   the scan never enters an excluded folder to find out).
 *
 * The command line looks up to the file system's root; the editor up to the workspace folder
 * and not beyond. Pure — the callers look the files up (on disk, or through the language
 * server's host) — and works on `/`-separated paths, or any others given their `parent`.
 */
import type { AnalysisConfig } from '../engine/config';
import { CONFIG_FILE_NAMES, type FileConfig } from './config-file';

/** A configuration file found for a file, as read. */
export interface FoundConfigFile {
  /** The folder holding it: its `exclude` globs are relative to it. */
  readonly folder: string;
  readonly config: FileConfig;
}

/** What applies to a file: the settings of the nearest configuration file, the exclude globs of all. */
export interface ResolvedConfig {
  /** The nearest file's folder; undefined when no configuration file applies. */
  readonly nearest: string | undefined;
  /** The nearest file's settings (`exclude` aside); empty without one. */
  readonly settings: Omit<FileConfig, 'exclude'>;
  /** Exclude globs of every applying file, nearest first, each with the folder it is relative to. */
  readonly exclude: readonly { readonly base: string; readonly patterns: readonly string[] }[];
}

/** The parent of a `/`-separated path (`/` is its own parent). */
export function parentFolder(path: string): string {
  const trimmed = path.replace(/(?<!\/)\/+$/, '');
  const at = trimmed.lastIndexOf('/');
  return at <= 0 ? '/' : trimmed.slice(0, at);
}

/**
 * The folders to look for a configuration file in for a file in `directory`, nearest first:
 * `directory` and each folder above it up to `root` (included) when given — none when
 * `directory` is not inside `root` — or else up to the file system's root.
 */
export function configSearchFolders(directory: string, root?: string, parent: (path: string) => string = parentFolder): string[] {
  const folders: string[] = [];
  for (let folder = directory; ; ) {
    folders.push(folder);
    if (folder === root) return folders;
    const up = parent(folder);
    if (up === folder) return root === undefined ? folders : [];
    folder = up;
  }
}

/** The paths a folder's configuration file may have, in the order they are looked for (the first found is the folder's). */
export function configFileCandidates(folder: string, join: (folder: string, name: string) => string = (base, name) => `${base.replace(/(?<!\/)\/+$/, '')}/${name}`): string[] {
  return CONFIG_FILE_NAMES.map((name) => join(folder, name));
}

/** What applies to a file, from the configuration files found for it (nearest first). */
export function resolveConfig(found: readonly FoundConfigFile[]): ResolvedConfig {
  const [nearest] = found;
  const { exclude: _exclude, ...settings } = nearest?.config ?? { exclude: [] };
  return {
    nearest: nearest?.folder,
    settings,
    exclude: found.filter((file) => file.config.exclude.length > 0).map((file) => ({ base: file.folder, patterns: file.config.exclude })),
  };
}

/** The engine configuration of resolved settings, with `rules` (the command line's `--rule`, say) winning over the file's. */
export function analysisConfigOf(settings: ResolvedConfig['settings'], rules: AnalysisConfig['rules'] = {}): AnalysisConfig {
  return {
    rules: { ...settings.rules, ...rules },
    ...(settings.trustedRegistries ? { trustedRegistries: settings.trustedRegistries } : {}),
    ...(settings.kubernetesVersion ? { kubernetesVersion: settings.kubernetesVersion } : {}),
  };
}
