/**
 * Runs one property over generated cases with fast-check (fixed seed, so any failure replays),
 * times every case, and on failure writes the shrunk counterexample to a temporary folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { fuzzCaseArbitrary, type FuzzCase } from './cases';
import { ensure } from './checks';
import type { FuzzProperty } from './properties';
import { loadSeeds } from './seeds';

/**
 * A case slower than this fails. Generous on purpose (inputs are a few kilobytes, typically a few
 * milliseconds): it catches hangs and super-linear blow-ups, never a busy machine.
 */
export const CASE_TIME_LIMIT_MS = 5000;

/** The seed of `npm test`'s short campaign unless BULKHEAD_FUZZ_SEED says otherwise. */
export const DEFAULT_SEED = 20_240_909;

export interface CampaignOptions {
  readonly runs: number;
  readonly seed: number;
  /** fast-check's path of a failing case: replays that case directly. */
  readonly path?: string;
  /** Called before each case runs (the long campaign's watchdog keeps the latest). */
  readonly onCase?: (fuzzCase: FuzzCase) => void;
}

export interface CampaignFailure {
  readonly seed: number;
  /** fast-check's path to the shrunk case; unknown when the case hung and its run was stopped. */
  readonly path?: string;
  /** The shrunk case. */
  readonly fuzzCase: FuzzCase;
  readonly error: string;
}

export interface CampaignOutcome {
  readonly property: string;
  /** Cases run (up to and including the first failing one). */
  readonly runs: number;
  readonly elapsedMs: number;
  /** The slowest case that passed, and how long it took (ms). */
  readonly slowest?: { readonly ms: number; readonly fuzzCase: FuzzCase };
  readonly failure?: CampaignFailure;
}

export function runCampaign(property: FuzzProperty, options: CampaignOptions): CampaignOutcome {
  let slowest: CampaignOutcome['slowest'];
  const started = performance.now();
  const details = fc.check(
    fc.property(fuzzCaseArbitrary(loadSeeds()), (fuzzCase) => {
      options.onCase?.(fuzzCase);
      const ms = checkCase(property, fuzzCase);
      if (ms > (slowest?.ms ?? 0)) slowest = { ms, fuzzCase };
    }),
    { numRuns: options.runs, seed: options.seed, ...(options.path !== undefined ? { path: options.path } : {}) },
  );
  const outcome = { property: property.name, runs: details.numRuns, elapsedMs: performance.now() - started, ...(slowest ? { slowest } : {}) };
  if (!details.failed || !details.counterexample) return outcome;
  const error = details.errorInstance instanceof Error ? ownFrames(details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  return { ...outcome, failure: { seed: details.seed, ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}), fuzzCase: details.counterexample[0], error } };
}

/** Runs the property on one case, within the time limit; returns how long it took (ms). */
export function checkCase(property: FuzzProperty, fuzzCase: FuzzCase): number {
  const started = performance.now();
  property.check(fuzzCase);
  const elapsed = performance.now() - started;
  ensure(elapsed <= CASE_TIME_LIMIT_MS, () => `the case took ${Math.round(elapsed)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`);
  return elapsed;
}

export function describeCase(fuzzCase: FuzzCase): string {
  return `${fuzzCase.fileName}, config ${fuzzCase.config}, ${fuzzCase.text.length} characters, made from ${fuzzCase.origin}`;
}

/** A stack without fast-check's and Node's frames: what is left is the engine's and the property's. */
function ownFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => !/^\s+at .*(node_modules[\\/]fast-check|node:internal|node:async_hooks)/.test(line))
    .join('\n');
}

/**
 * Writes a case's text as a file of its own name (open it in the editor: it is analysed as the
 * fuzzer analysed it) and the whole case, with `details`, as case.json next to it (what
 * `npm run fuzz -- --case` replays); returns the folder.
 */
export function saveCase(label: string, fuzzCase: FuzzCase, details: object = {}): string {
  const folder = mkdtempSync(join(tmpdir(), `bulkhead-fuzz-${label}-`));
  writeFileSync(join(folder, basename(fuzzCase.fileName) || 'case.txt'), fuzzCase.text);
  writeFileSync(join(folder, 'case.json'), `${JSON.stringify({ ...details, fuzzCase }, null, 2)}\n`);
  return folder;
}

export function saveCounterexample(property: string, failure: CampaignFailure): string {
  return saveCase(property, failure.fuzzCase, { property, ...failure });
}

/** What a failure report says: the error, the case, and how to replay it (`replays`: more ways than the two of npm run fuzz). */
export function describeFailure(property: string, failure: CampaignFailure, folder: string, replays: readonly string[] = []): string {
  const { fuzzCase } = failure;
  const fromSeed = failure.path !== undefined ? [`npm run fuzz -- --property ${property} --seed ${failure.seed} --path ${failure.path}`] : [];
  return [
    `property "${property}" failed (seed ${failure.seed}${failure.path !== undefined ? `, path ${failure.path}` : ''})`,
    `  case: ${describeCase(fuzzCase)}`,
    `  text: ${JSON.stringify(fuzzCase.text.length > 600 ? `${fuzzCase.text.slice(0, 600)}…` : fuzzCase.text)}`,
    `  saved in ${folder}`,
    ...[...fromSeed, `npm run fuzz -- --property ${property} --case ${join(folder, 'case.json')}`, ...replays].map((replay) => `  replay: ${replay}`),
    `  ${failure.error.split('\n').join('\n  ')}`,
  ].join('\n');
}
