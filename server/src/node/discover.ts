/**
 * Finds the files Bulkhead analyses (for `bulkhead scan` and the language server's workspace scan): Dockerfiles (by name, as the engine classifies them) and
 * YAML files under the given paths, skipping `.git`, `node_modules`, what `.gitignore` files
 * ignore and what `--exclude` globs match.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { classifyFileName, excludeMatcher } from '../core/index';

/** Folders never descended into. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export interface DiscoverOptions {
  /** Directory that displayed paths are relative to (the current directory). */
  readonly cwd: string;
  /** `--exclude` globs. */
  readonly exclude: readonly string[];
  /** More globs, relative to a folder of their own (a configuration file's `exclude`). */
  readonly excludeFrom?: readonly { readonly base: string; readonly patterns: readonly string[] }[];
}

export interface Discovery {
  /** Absolute paths of the files to analyse, sorted by their displayed path, without duplicates. */
  readonly files: readonly string[];
  /** Command-line paths that do not exist. */
  readonly missing: readonly string[];
}

/** A `.gitignore` file's rules and the folder its patterns are relative to. */
interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

export function discover(paths: readonly string[], options: DiscoverOptions): Discovery {
  const excluded = excludeMatcher(options.exclude);
  const fromBases = (options.excludeFrom ?? []).map(({ base, patterns }) => ({ base, matches: excludeMatcher(patterns) }));
  const excludedFromBase = (path: string): boolean =>
    fromBases.some(({ base, matches }) => {
      const rel = toPosix(relative(base, path));
      return rel !== '' && !rel.startsWith('../') && matches(rel);
    });
  const found = new Set<string>();
  const missing: string[] = [];

  for (const argument of paths) {
    const root = resolve(options.cwd, argument);
    const stats = statOrUndefined(root);
    if (!stats) {
      missing.push(argument);
      continue;
    }
    // Globs match paths relative to the current directory or to the scanned folder.
    const isExcluded = (path: string): boolean =>
      excluded(toPosix(relative(options.cwd, path))) || (path !== root && excluded(toPosix(relative(root, path)))) || excludedFromBase(path);
    if (stats.isFile()) {
      // A file named on the command line is analysed whatever its name or .gitignore say.
      if (!isExcluded(root)) found.add(root);
      continue;
    }
    if (!stats.isDirectory()) continue;
    walk(root, gitignoresAbove(root), isExcluded, insideFolder(root), found);
  }

  const files = [...found].sort((a, b) => compareStrings(toPosix(relative(options.cwd, a)), toPosix(relative(options.cwd, b))));
  return { files, missing };
}

/**
 * Whether a path, links resolved, is inside `folder`: a workspace cloned from anywhere may hold a
 * link to `~/.kube/config` or `/etc/shadow`, and scanning the folder must not read them.
 */
function insideFolder(folder: string): (path: string) => boolean {
  const realFolder = realpathOrUndefined(folder) ?? folder;
  return (path) => {
    const real = realpathOrUndefined(path);
    return real !== undefined && (real === realFolder || real.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep));
  };
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function walk(
  directory: string,
  levels: readonly IgnoreLevel[],
  isExcluded: (path: string) => boolean,
  isInsideRoot: (path: string) => boolean,
  found: Set<string>,
): void {
  const own = readGitignore(directory);
  const here = own ? [...levels, own] : levels;
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return; // An unreadable folder holds nothing we can analyse.
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files inside the scanned folder; never links to folders (they can loop).
      const target = statOrUndefined(path);
      isFile = (target?.isFile() ?? false) && isInsideRoot(path);
      isDirectory = false;
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(path, true, here) || isExcluded(path)) continue;
      walk(path, here, isExcluded, isInsideRoot, found);
    } else if (isFile) {
      if (classifyFileName(entry.name) === 'other' || isIgnored(path, false, here) || isExcluded(path)) continue;
      found.add(path);
    }
  }
}

/**
 * Whether the `.gitignore` files in force ignore `path`. Deeper files override shallower ones,
 * as in git: the last level with an opinion (ignore or `!` re-include) decides.
 */
function isIgnored(path: string, isDirectory: boolean, levels: readonly IgnoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = toPosix(relative(level.base, path));
    if (rel === '' || rel.startsWith('../')) continue;
    const verdict = level.rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** The `.gitignore` files of the repository folders above `directory` (outermost first). */
function gitignoresAbove(directory: string): IgnoreLevel[] {
  const chain: string[] = [];
  let current = dirname(directory);
  let previous = directory;
  let repositoryRoot: string | undefined = existsSync(join(directory, '.git')) ? directory : undefined;
  while (repositoryRoot === undefined && current !== previous) {
    chain.push(current);
    if (existsSync(join(current, '.git'))) repositoryRoot = current;
    previous = current;
    current = dirname(current);
  }
  // Outside a repository only the scanned folder's own .gitignore files count.
  if (repositoryRoot === undefined) return [];
  return chain
    .reverse()
    .map(readGitignore)
    .filter((level): level is IgnoreLevel => level !== undefined);
}

function readGitignore(directory: string): IgnoreLevel | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
