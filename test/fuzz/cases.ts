/**
 * What the fuzzer feeds the engine: a file name (it decides Dockerfile, manifest or Compose), a
 * text, and a named configuration. Most cases are mutated seed files; the rest are random text
 * or a soup of Dockerfile and YAML fragments under a random file name.
 */
import fc from 'fast-check';
import { ALL_RULES, DEFAULT_CONFIG, type AnalysisConfig } from '../../server/src/core/index';
import { applyMutation, describeMutation, INTERESTING_FRAGMENTS, mutationArbitrary } from './mutations';
import type { SeedFile } from './seeds';

/** Every rule on, opt-in ones included, at its default severity: fuzzing should reach them all. */
const ALL_RULES_ON: AnalysisConfig = { rules: Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.defaultSeverity])) };

export const CONFIGS = {
  default: DEFAULT_CONFIG,
  'all-rules': ALL_RULES_ON,
  'all-rules-trusted-1.21': { ...ALL_RULES_ON, trustedRegistries: ['registry.example.com', '*.example.com', 'docker.io'], kubernetesVersion: '1.21' },
  'all-rules-odd-options': { ...ALL_RULES_ON, trustedRegistries: ['', '*', '**.'], kubernetesVersion: 'not-a-version' },
} satisfies Record<string, AnalysisConfig>;

export type ConfigName = keyof typeof CONFIGS;

export interface FuzzCase {
  readonly fileName: string;
  readonly text: string;
  /** The text before mutation (the seed's; empty for random text): what an editor showed before the edit. */
  readonly base: string;
  readonly config: ConfigName;
  /** How the text was made (seed path and mutations), for failure reports. */
  readonly origin: string;
}

/** Names that make the engine read the text as each kind of file it knows, and one it ignores. */
const FILE_NAMES = ['Dockerfile', 'Containerfile', 'app.Dockerfile', 'deployment.yaml', 'manifest.yml', 'compose.yaml', 'docker-compose.yml', 'README.md'];

const configName = fc.oneof(
  { weight: 6, arbitrary: fc.constant<ConfigName>('all-rules') },
  { weight: 2, arbitrary: fc.constant<ConfigName>('default') },
  { weight: 1, arbitrary: fc.constant<ConfigName>('all-rules-trusted-1.21') },
  { weight: 1, arbitrary: fc.constant<ConfigName>('all-rules-odd-options') },
);

/**
 * Texts are cut at this length: the time limit of a case (campaign.ts) is meant for short texts,
 * and huge inputs are the bounds tests' business. Seeds are a few kilobytes; a long line
 * duplicated forty times is not.
 */
const MAX_TEXT_LENGTH = 32 * 1024;

function mutatedSeed(seeds: readonly SeedFile[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      seed: fc.nat(seeds.length - 1),
      mutations: fc.array(mutationArbitrary(seeds.length), { maxLength: 6 }),
      // Now and then the text is read as another kind of file than its own.
      renamed: fc.option(fc.constantFrom(...FILE_NAMES), { freq: 12 }),
      config: configName,
    })
    .map(({ seed, mutations, renamed, config }) => {
      const source = seeds[seed]!;
      const text = mutations.reduce((current, mutation) => applyMutation(current, mutation, seeds).slice(0, MAX_TEXT_LENGTH), source.text);
      const steps = mutations.map(describeMutation).join(' → ');
      return { fileName: renamed ?? source.fileName, text, base: source.text, config, origin: `${source.path}${steps ? ` → ${steps}` : ''}${renamed ? ` read as ${renamed}` : ''}` };
    });
}

const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...'\n\r\t :-#[]{}|>&*!"\'\\`$@%'.split('')), maxLength: 200 }),
  fc.array(fc.constantFrom(...INTERESTING_FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
);

function randomFile(): fc.Arbitrary<FuzzCase> {
  return fc.record({ fileName: fc.constantFrom(...FILE_NAMES), text: randomText, config: configName }).map((fields) => ({ ...fields, base: '', origin: 'random text' }));
}

export function fuzzCaseArbitrary(seeds: readonly SeedFile[]): fc.Arbitrary<FuzzCase> {
  return fc.oneof({ weight: 8, arbitrary: mutatedSeed(seeds) }, { weight: 2, arbitrary: randomFile() });
}
