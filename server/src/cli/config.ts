/**
 * The configuration files of `bulkhead scan` and `bulkhead baseline`: for each scanned file,
 * the `.bulkhead.yaml` (or `.bulkhead.yml`) files found by walking up from its folder, resolved
 * as the editor resolves them (core/config/nearest-config.ts: the nearest one's settings, every
 * one's `exclude` globs, each relative to its folder) — or, with `--config`, the one file it
 * names for every file. The `rules` merge under `--rule` (the command line wins); `exclude`
 * globs join `--exclude`. An invalid file is listed among the report's errors and its invalid
 * parts are ignored: defaults apply.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  analysisConfigOf,
  configFileCandidates,
  configSearchFolders,
  excludeMatcher,
  parseConfigFile,
  resolveConfig,
  type AnalysisConfig,
  type ConfiguredSeverity,
  type FileConfig,
} from '../core/index';
import { compareStrings, discover, toPosix } from '../node/discover';
import { displayPath, type ReportedError } from './scan';

export interface ScanScope {
  /** Absolute paths of the files to scan, sorted as discover sorts them. */
  readonly files: readonly string[];
  /** Command-line paths that do not exist. */
  readonly missing: readonly string[];
  /** The configuration of every file when they share one; otherwise that of files not in `fileConfigs`. */
  readonly config: AnalysisConfig;
  /** Per file, when the files do not all get the same configuration (configuration files in subfolders, say). */
  readonly fileConfigs?: ReadonlyMap<string, AnalysisConfig>;
  /** Problems of the configuration files (`line:col: message`), for the report's errors. */
  readonly errors: readonly ReportedError[];
}

export interface ScopeOptions {
  readonly cwd: string;
  /** `--exclude` globs. */
  readonly exclude: readonly string[];
  /** `--rule` severities: they win over the configuration file's. */
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  /** `--config FILE`: this file for every path, no search. */
  readonly configFile?: string;
}

/** The configuration file is missing or unreadable when `--config` names it: a usage error. */
export class ConfigFileError extends Error {}

/** The configuration file of `folder` itself (the first of the names found), if any. */
export function configFileIn(folder: string): string | undefined {
  return configFileCandidates(folder, join).find(isFile);
}

/** The configuration files that apply to a file in `directory`, nearest first, walking up to the file system's root. */
export function findConfigFiles(directory: string, fileIn: (folder: string) => string | undefined = configFileIn): string[] {
  return configSearchFolders(directory, undefined, dirname).flatMap((folder) => fileIn(folder) ?? []);
}

interface Loaded {
  readonly path: string;
  readonly config: FileConfig;
  readonly errors: ReportedError[];
}

export function loadConfigFile(path: string, cwd: string): Loaded {
  const file = displayPath(cwd, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, config: { exclude: [] }, errors: [{ file, kind: 'input', message: `Could not read the configuration file, using the defaults: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = parseConfigFile(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const errors = parsed.problems.map((problem): ReportedError => {
    const { line, column } = lineColumn(text, problem.range.start + bom);
    return { file, kind: 'input', message: `${line}:${column}: ${problem.message}` };
  });
  return { path, config: parsed.config, errors };
}

/** Finds the files to scan under each path and the configuration of each. */
export function scanScope(paths: readonly string[], options: ScopeOptions): ScanScope {
  const loaded = new Map<string, Loaded>();
  const load = (path: string): Loaded => {
    let entry = loaded.get(path);
    if (!entry) {
      entry = loadConfigFile(path, options.cwd);
      loaded.set(path, entry);
    }
    return entry;
  };
  let explicit: string | undefined;
  if (options.configFile !== undefined) {
    explicit = resolve(options.cwd, options.configFile);
    if (!isFile(explicit)) throw new ConfigFileError(`--config: no such file: ${options.configFile}`);
  }

  // The configuration files of each folder, nearest first (one look-up per folder).
  const ownFile = new Map<string, string | undefined>();
  const fileIn = (folder: string): string | undefined => {
    if (!ownFile.has(folder)) ownFile.set(folder, configFileIn(folder));
    return ownFile.get(folder);
  };
  const chains = new Map<string, readonly string[]>();
  const chainOf = (directory: string): readonly string[] => {
    if (explicit !== undefined) return [explicit];
    let chain = chains.get(directory);
    if (!chain) chains.set(directory, (chain = findConfigFiles(directory, fileIn)));
    return chain;
  };
  /** Per chain (its files joined): what applies, its engine configuration and its exclude matcher. */
  const resolved = new Map<string, { config: AnalysisConfig; excluded: (path: string) => boolean }>();
  const resolutionOf = (chain: readonly string[]) => {
    const key = chain.join('\0');
    let entry = resolved.get(key);
    if (!entry) {
      const applying = resolveConfig(chain.map((path) => ({ folder: dirname(path), config: load(path).config })));
      const matchers = applying.exclude.map(({ base, patterns }) => ({ base, matches: excludeMatcher(patterns) }));
      entry = {
        // One object per nearest file (and so one per distinct configuration): see `fileConfigs`.
        config: configOfNearest(applying.nearest, () => analysisConfigOf(applying.settings, options.rules)),
        excluded: (path) =>
          matchers.some(({ base, matches }) => {
            const rel = toPosix(relative(base, path));
            return rel !== '' && !rel.startsWith('../') && matches(rel);
          }),
      };
      resolved.set(key, entry);
    }
    return entry;
  };
  const byNearest = new Map<string | undefined, AnalysisConfig>();
  const configOfNearest = (nearest: string | undefined, make: () => AnalysisConfig): AnalysisConfig => {
    let config = byNearest.get(nearest);
    if (!config) byNearest.set(nearest, (config = make()));
    return config;
  };

  // Scanned paths grouped by the configuration files above them: their exclude globs prune the walk.
  const groups = new Map<string, { chain: readonly string[]; paths: string[] }>();
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    const chain = chainOf(isDirectory(absolute) ? absolute : dirname(absolute));
    const key = chain.join('\0');
    const group = groups.get(key);
    if (group) group.paths.push(path);
    else groups.set(key, { chain, paths: [path] });
  }

  const files: string[] = [];
  const missing: string[] = [];
  const configs = new Map<string, AnalysisConfig>();
  for (const { chain, paths: group } of groups.values()) {
    const { exclude } = resolveConfig(chain.map((path) => ({ folder: dirname(path), config: load(path).config })));
    const discovery = discover(group, { cwd: options.cwd, exclude: options.exclude, ...(exclude.length > 0 ? { excludeFrom: exclude } : {}) });
    missing.push(...discovery.missing);
    for (const file of discovery.files) {
      if (configs.has(file)) continue; // Under two scanned paths: found once.
      // Configuration files below the scanned path: the nearest gives the settings, and their exclude globs apply too.
      const applying = resolutionOf(chainOf(dirname(file)));
      if (applying.excluded(file)) continue;
      configs.set(file, applying.config);
      files.push(file);
    }
  }
  // One order whatever the grouping: as discover sorts (by displayed path).
  const displayed = (file: string) => displayPath(options.cwd, file);
  const sorted = groups.size <= 1 ? files : [...files].sort((a, b) => compareStrings(displayed(a), displayed(b)));
  const errors = [...loaded.values()].flatMap((entry) => entry.errors);
  const distinct = new Set(configs.values());
  const [only] = distinct;
  return {
    files: sorted,
    missing,
    config: only ?? configOfNearest(undefined, () => ({ rules: { ...options.rules } })),
    ...(distinct.size > 1 ? { fileConfigs: configs } : {}),
    errors,
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
