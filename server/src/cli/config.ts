/**
 * The configuration file of `bulkhead scan` and `bulkhead baseline`: `.bulkhead.yaml` (or
 * `.bulkhead.yml`) found by walking up from each scanned path — the nearest one wins — or the
 * file `--config` names. Its `rules` merge under `--rule` (the command line wins), its `exclude`
 * globs (relative to its folder) join `--exclude`. An invalid file is listed among the report's
 * errors and its invalid parts are ignored: defaults apply.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, parseConfigFile, type AnalysisConfig, type ConfiguredSeverity, type FileConfig } from '../core/index';
import { compareStrings, discover } from '../node/discover';
import { displayPath, type ReportedError } from './scan';

export interface ScanScope {
  /** Absolute paths of the files to scan, sorted as discover sorts them. */
  readonly files: readonly string[];
  /** Command-line paths that do not exist. */
  readonly missing: readonly string[];
  /** The configuration of every file when they share one; otherwise that of files not in `fileConfigs`. */
  readonly config: AnalysisConfig;
  /** Per file, when the scanned paths found different configuration files. */
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

/** The nearest configuration file in `start` or a folder above it. */
export function findConfigFile(start: string): string | undefined {
  let directory = start;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

interface Loaded {
  readonly path: string | undefined;
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

/** Finds the configuration of each scanned path and the files to scan under it. */
export function scanScope(paths: readonly string[], options: ScopeOptions): ScanScope {
  const loaded = new Map<string | undefined, Loaded>();
  const load = (path: string | undefined): Loaded => {
    let entry = loaded.get(path);
    if (!entry) {
      entry = path === undefined ? { path, config: { exclude: [] }, errors: [] } : loadConfigFile(path, options.cwd);
      loaded.set(path, entry);
    }
    return entry;
  };
  let explicit: string | undefined;
  if (options.configFile !== undefined) {
    explicit = resolve(options.cwd, options.configFile);
    if (!isFile(explicit)) throw new ConfigFileError(`--config: no such file: ${options.configFile}`);
  }

  // Scanned paths grouped by the configuration file that applies to them.
  const groups = new Map<string | undefined, string[]>();
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    const configPath = explicit ?? findConfigFile(isDirectory(absolute) ? absolute : dirname(absolute));
    groups.set(configPath, [...(groups.get(configPath) ?? []), path]);
  }

  const files: string[] = [];
  const missing: string[] = [];
  const configs = new Map<string, AnalysisConfig>();
  const analysisConfigs = new Map<string | undefined, AnalysisConfig>();
  for (const [configPath, group] of groups) {
    const { config } = load(configPath);
    const analysisConfig: AnalysisConfig = {
      rules: { ...config.rules, ...options.rules },
      ...(config.trustedRegistries ? { trustedRegistries: config.trustedRegistries } : {}),
      ...(config.kubernetesVersion ? { kubernetesVersion: config.kubernetesVersion } : {}),
    };
    analysisConfigs.set(configPath, analysisConfig);
    const discovery = discover(group, {
      cwd: options.cwd,
      exclude: options.exclude,
      ...(configPath !== undefined && config.exclude.length > 0 ? { excludeFrom: [{ base: dirname(configPath), patterns: config.exclude }] } : {}),
    });
    missing.push(...discovery.missing);
    for (const file of discovery.files) {
      if (configs.has(file)) continue; // Under two scanned paths: the first one's configuration.
      configs.set(file, analysisConfig);
      files.push(file);
    }
  }
  // One order whatever the grouping: as discover sorts (by displayed path).
  const displayed = (file: string) => displayPath(options.cwd, file);
  const sorted = groups.size <= 1 ? files : [...files].sort((a, b) => compareStrings(displayed(a), displayed(b)));
  const errors = [...loaded.values()].flatMap((entry) => entry.errors);
  const distinct = new Set(analysisConfigs.values());
  const [only] = distinct;
  return {
    files: sorted,
    missing,
    config: only ?? { rules: { ...options.rules } },
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
