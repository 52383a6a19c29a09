/**
 * The short fuzz campaign of `npm test`: every property of properties.ts over a few hundred
 * mutated fixtures and random texts, with a fixed seed so that a failure replays. The long
 * campaign (`npm run fuzz`, scripts/fuzz.ts) runs the same properties over 100,000 cases.
 *
 * BULKHEAD_FUZZ_SEED=<n> runs another seed; BULKHEAD_FUZZ_RUNS=<n> changes the cases per property.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SEED, describeFailure, runCampaign, saveCounterexample } from './campaign';
import { PROPERTIES } from './properties';
import { loadSeeds } from './seeds';

/** Cases per property: the whole file stays within about 20 s on a 2-core machine. */
const SHORT_RUNS = 600;

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`${name} must be an integer, not ${value}`);
  return parsed;
}

const seed = numberFromEnv('BULKHEAD_FUZZ_SEED', DEFAULT_SEED);
const runs = numberFromEnv('BULKHEAD_FUZZ_RUNS', SHORT_RUNS);

describe(`fuzzing the engine (seed ${seed}, ${runs} cases per property)`, () => {
  it('mutates a seed corpus of the fixtures and examples', () => {
    const seeds = loadSeeds();
    assert.ok(seeds.length >= 400, `only ${seeds.length} seed files`);
    for (const kind of [/Dockerfile$/, /^compose|docker-compose/, /\.ya?ml$/]) assert.ok(seeds.some((file) => kind.test(file.fileName)), `no seed matches ${kind}`);
  });

  for (const property of PROPERTIES) {
    it(`${property.name}: ${property.description}`, () => {
      const outcome = runCampaign(property, { runs, seed });
      const { failure } = outcome;
      if (failure) {
        const folder = saveCounterexample(property.name, failure);
        assert.fail(describeFailure(property.name, failure, folder, [`BULKHEAD_FUZZ_SEED=${failure.seed} BULKHEAD_FUZZ_RUNS=${runs} node scripts/run-tests.mjs fuzz/engine`]));
      }
      assert.equal(outcome.runs, runs);
    });
  }
});
