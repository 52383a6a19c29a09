/**
 * A value written through a YAML alias (`privileged: *yes`) means the same as the value written in
 * place, and the node the alias names is shared: it may be a different field entirely. So for
 * every YAML fixture and every rule example, each nested scalar value (and each single-line flow
 * sequence: whole lists are shared too) is moved into an anchor
 * (`x-bulkhead-anchors: [&bh0 true, …]` at the top of its document) and replaced by its alias.
 * A second pass moves one `key: value` pair of every nested mapping into an anchored mapping
 * merged back with `<<: *bh0` (YAML merge keys, which Kubernetes' decoder and Compose honour).
 * Then the same rules must fire, every finding must point at the field or the merge (never into
 * the anchors), and every fix must leave the anchors alone and the file valid.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Scalar, type YAMLSeq } from 'yaml';
import { ALL_RULES, analyze, applyEdits, DEFAULT_RULE_SET, type Finding } from '../../server/src/core/index';

const FIXTURES = join(__dirname, '..', 'fixtures');
/** Every rule on, the opt-in ones too. */
const options = { rules: DEFAULT_RULE_SET, config: { rules: Object.fromEntries(ALL_RULES.filter((rule) => rule.meta.optIn).map((rule) => [rule.meta.id, rule.meta.defaultSeverity])) } };

interface Hoisted {
  readonly text: string;
  /** Offsets of the inserted anchor blocks: nothing may point or edit there. */
  readonly anchorBlocks: readonly { start: number; end: number }[];
  readonly count: number;
}

/** A value written elsewhere: `*bh0` or `<<: *bh0` in place of what was there. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The anchors of one document, inserted before its root mapping. */
interface AnchorBlock {
  readonly at: number;
  readonly text: string;
}

/** The text with the anchor blocks inserted and the replacements made (a block goes before a replacement at the same offset). */
function spliced(text: string, blocks: readonly AnchorBlock[], replacements: readonly Replacement[], count: number): Hoisted {
  const edits = [...blocks.map((block) => ({ start: block.at, end: block.at, text: block.text, block: true })), ...replacements.map((replacement) => ({ ...replacement, block: false }))];
  edits.sort((a, b) => a.start - b.start || (a.block ? -1 : 1));
  let out = '';
  let cursor = 0;
  const anchorBlocks: { start: number; end: number }[] = [];
  for (const edit of edits) {
    out += text.slice(cursor, edit.start);
    if (edit.block) anchorBlocks.push({ start: out.length, end: out.length + edit.text.length });
    out += edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, anchorBlocks, count };
}

/** The text with every nested single-line scalar value moved into an anchor at the top of its document. */
function hoistScalarValues(text: string): Hoisted | undefined {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  const replacements: Replacement[] = [];
  const blocks: AnchorBlock[] = [];
  let count = 0;
  for (const document of documents) {
    if (document.errors.length > 0) return undefined;
    const root = document.contents;
    if (!isMap(root) || root.flow || !root.range || column(text, root.range[0]) !== 0) continue;
    const anchors: string[] = [];
    visit(document, {
      Pair(_key, pair, path) {
        const value = pair.value;
        if (path.length < 3 || !isScalar(pair.key) || !(isScalar(value) || isSeq(value)) || !value.range) return;
        if (!isHoistable(text, value)) return;
        const name = `bh${count++}`;
        anchors.push(`  - &${name} ${text.slice(value.range[0], value.range[1])}\n`);
        replacements.push({ start: value.range[0], end: value.range[1], text: `*${name}` });
        return visit.SKIP;
      },
    });
    if (anchors.length > 0) blocks.push({ at: root.range[0], text: `x-bulkhead-anchors:\n${anchors.join('')}` });
  }
  return count === 0 ? undefined : spliced(text, blocks, replacements, count);
}

/** A single-line scalar, or a single-line flow sequence of such scalars (`drop: [ALL]`): whole lists are shared through aliases too. */
function isHoistable(text: string, value: Scalar | YAMLSeq): boolean {
  const source = text.slice(value.range![0], value.range![1]);
  if (source === '' || /[\r\n]/.test(source) || value.anchor || value.tag) return false;
  if (isSeq(value)) return value.flow === true && value.items.every((item) => isScalar(item) && isHoistable(text, item));
  return value.type === 'PLAIN' || value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE';
}

/**
 * The text with one pair of every nested block mapping (its last single-line `key: scalar` pair)
 * moved into an anchored flow mapping at the top of its document and merged back: `key: value`
 * becomes `<<: *bh0`, which Kubernetes' decoder and Compose read as the same mapping.
 */
function mergeOnePairPerMap(text: string): Hoisted | undefined {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  const replacements: Replacement[] = [];
  const blocks: AnchorBlock[] = [];
  let count = 0;
  for (const document of documents) {
    if (document.errors.length > 0) return undefined;
    const root = document.contents;
    if (!isMap(root) || root.flow || !root.range || column(text, root.range[0]) !== 0) continue;
    const anchors: string[] = [];
    visit(document, {
      Map(_key, map, path) {
        if (path.length < 2 || map.flow || map.items.some((pair) => isScalar(pair.key) && pair.key.value === '<<')) return;
        const pair = [...map.items].reverse().find(
          (candidate) =>
            isScalar(candidate.key) && candidate.key.type === 'PLAIN' && candidate.key.range && !candidate.key.anchor && !candidate.key.tag &&
            isScalar(candidate.value) && candidate.value.range && isHoistable(text, candidate.value) && isFlowSafe(text, candidate.value) &&
            !/[\r\n]/.test(text.slice(candidate.key.range[0], candidate.value.range[1])),
        );
        if (!pair) return;
        const key = pair.key as Scalar;
        const value = pair.value as Scalar;
        const name = `bh${count++}`;
        anchors.push(`  - &${name} {${text.slice(key.range![0], key.range![1])}: ${text.slice(value.range![0], value.range![1])}}\n`);
        replacements.push({ start: key.range![0], end: value.range![1], text: `<<: *${name}` });
      },
    });
    if (anchors.length > 0) blocks.push({ at: root.range[0], text: `x-bulkhead-anchors:\n${anchors.join('')}` });
  }
  return count === 0 ? undefined : spliced(text, blocks, replacements, count);
}

/** A plain scalar may hold what a flow mapping reads as syntax (`a,b`, `x: y`). */
function isFlowSafe(text: string, value: Scalar): boolean {
  return value.type !== 'PLAIN' || !/[,[\]{}#]|: /.test(text.slice(value.range![0], value.range![1]));
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(entry.name) && !entry.name.includes('.fixed.') ? [path] : [];
  });
}

function ruleCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

const within = (block: { start: number; end: number }, offset: number) => offset > block.start && offset < block.end;
const overlaps = (block: { start: number; end: number }, range: { start: number; end: number }) => range.start < block.end && range.end > block.start;

interface Case {
  readonly name: string;
  readonly fileName: string;
  readonly text: string;
}

function cases(): Case[] {
  const fixtures = yamlFilesUnder(FIXTURES).map((path) => ({ name: relative(FIXTURES, path), fileName: path.endsWith('.yml') ? 'compose.yml' : path.includes('compose') ? 'compose.yaml' : 'manifest.yaml', text: readFileSync(path, 'utf8') }));
  const examples = ALL_RULES.filter((rule) => rule.meta.target !== 'dockerfile' && rule.meta.example).flatMap((rule) => [
    { name: `${rule.meta.id} example (insecure)`, fileName: rule.meta.target === 'compose' ? 'compose.yaml' : 'manifest.yaml', text: rule.meta.example!.insecure },
    { name: `${rule.meta.id} example (secure)`, fileName: rule.meta.target === 'compose' ? 'compose.yaml' : 'manifest.yaml', text: rule.meta.example!.secure },
  ]);
  return [...fixtures, ...examples];
}

const TRANSFORMS = [
  { name: 'values written through YAML aliases', transform: hoistScalarValues },
  { name: 'pairs inherited through YAML merge keys (`<<: *defaults`)', transform: mergeOnePairPerMap },
];

describe('values written through YAML aliases', () => {
  it('hoisting turns `key: value` into `key: *bh0` with the anchor at the top of the document', () => {
    const hoisted = hoistScalarValues('a: 1\nspec:\n  b: "two"\n  c:\n    - d: three\n');
    assert.equal(hoisted?.text, 'x-bulkhead-anchors:\n  - &bh0 "two"\n  - &bh1 three\na: 1\nspec:\n  b: *bh0\n  c:\n    - d: *bh1\n');
  });

  it('merging turns the last `key: value` of each nested map into `<<: *bh0` with the pair at the top of the document', () => {
    const merged = mergeOnePairPerMap('a: 1\nspec:\n  b: "two"\n  c:\n    - d: three\n      e: 4\n');
    assert.equal(merged?.text, 'x-bulkhead-anchors:\n  - &bh0 {b: "two"}\n  - &bh1 {e: 4}\na: 1\nspec:\n  <<: *bh0\n  c:\n    - d: three\n      <<: *bh1\n');
  });
});

for (const { name, transform } of TRANSFORMS) describe(name, () => {
  let checked = 0;
  for (const testCase of cases()) {
    const hoisted = transform(testCase.text);
    if (!hoisted) continue;
    checked++;
    it(`${testCase.name}: same findings, at the fields, fixes leave the anchors alone`, () => {
      const before = analyze({ fileName: testCase.fileName, text: testCase.text }, options);
      const after = analyze({ fileName: testCase.fileName, text: hoisted.text }, options);
      assert.deepEqual(after.problems.filter((problem) => problem.kind === 'internal'), [], 'no rule failed');
      const expected = ruleCounts(before.findings);
      const actual = ruleCounts(after.findings);
      const differences = [...new Set([...expected.keys(), ...actual.keys()])].filter((rule) => expected.get(rule) !== actual.get(rule)).map((rule) => `${rule}: ${expected.get(rule) ?? 0} → ${actual.get(rule) ?? 0}`);
      assert.deepEqual(differences, [], 'the same rules fire as often');
      for (const finding of after.findings) {
        for (const block of hoisted.anchorBlocks) {
          assert.ok(!within(block, finding.range.start), `${finding.ruleId} points into the anchors: ${JSON.stringify(hoisted.text.slice(finding.range.start, finding.range.end))}`);
          for (const edit of finding.fix?.edits ?? []) {
            assert.ok(!overlaps(block, edit) && !within(block, edit.start), `${finding.ruleId}'s fix edits the anchors: ${JSON.stringify(edit)}`);
          }
        }
        if (!finding.fix) continue;
        const fixed = applyEdits(hoisted.text, finding.fix.edits);
        // A lone CR is a line break (YAML spec, kubectl, the engine: see parseYamlFile); the
        // `yaml` package alone reads it as content, so a fixture ending in one would not re-parse.
        const errors = parseAllDocuments(fixed.replace(/\r(?!\n)/g, '\n'));
        assert.ok(Array.isArray(errors) && errors.every((document) => document.errors.length === 0), `${finding.ruleId}'s fix leaves valid YAML:\n${fixed}`);
      }
    });
  }

  it('covers the fixtures and examples', () => assert.ok(checked > 100, `${checked} cases`));
});
