/**
 * The seed corpus the fuzzer mutates: every Dockerfile, manifest and Compose file of the test
 * fixtures (rules, corpus, refactorings) and of examples/. Real files reach deep into the rules;
 * purely random text rarely gets past the parsers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { classifyFileName } from '../../server/src/core/index';

export interface SeedFile {
  /** Path relative to the repository root, for failure reports. */
  readonly path: string;
  /** The base name: what decides how the engine reads the file (Dockerfile, Compose, YAML). */
  readonly fileName: string;
  readonly text: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const SEED_FOLDERS = ['test/fixtures/rules', 'test/fixtures/corpus', 'test/fixtures/refactors', 'examples'];

let cached: readonly SeedFile[] | undefined;

/** Sorted by path, so that a seed number means the same file on every machine. */
export function loadSeeds(): readonly SeedFile[] {
  cached ??= SEED_FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && classifyFileName(entry.name) !== 'other')
      .map((entry) => join(entry.parentPath, entry.name)),
  )
    .map((file) => ({ path: relative(ROOT, file).split('\\').join('/'), fileName: basename(file), text: readFileSync(file, 'utf8') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return cached;
}
