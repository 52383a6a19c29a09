/**
 * ESLint-RuleTester-style checks for one rule: passing fixtures report nothing; failing
 * fixtures report exactly the expected findings at exact 1-based line/column ranges; fixes
 * produce the golden output, which re-parses cleanly and no longer triggers the rule.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, mergeNonOverlapping, ruleSetOf, WorkspaceIndex, type AnalysisConfig, type AnyRule, type Finding } from '../../server/src/core/index';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export interface ExpectedFinding {
  /** 1-based, as editors show them; end column is exclusive (one past the last character). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly messageId: string;
  /** Substrings the message must contain. */
  readonly messageIncludes?: readonly string[];
  readonly severity?: Finding['severity'];
}

export interface Sample {
  /** A fixture file under test/fixtures/rules/<rule-id>/, or inline text with a file name. */
  readonly fixture?: string;
  readonly text?: string;
  readonly fileName?: string;
  readonly name?: string;
  /** Configuration to analyse with (e.g. `{ kubernetesVersion: '1.21' }`); the defaults otherwise. */
  readonly config?: AnalysisConfig;
  /** Other files of the workspace (name → text), for cross-file rules. */
  readonly workspace?: Readonly<Record<string, string>>;
}

export interface InvalidSample extends Sample {
  readonly findings: readonly ExpectedFinding[];
  /** Golden output of applying every fix of this rule (fixture name or inline text). */
  readonly fixedFixture?: string;
  readonly fixedText?: string;
  /** The rule offers no fix for these findings. */
  readonly noFix?: boolean;
  /** Findings the rule still reports after every fix was applied (fixes that cannot cover all). */
  readonly remainingAfterFix?: number;
}

export interface RuleTests {
  readonly valid: readonly Sample[];
  readonly invalid: readonly InvalidSample[];
  /** The catalog (RULES.md) names no peer id for this rule, so `equivalents` may be empty. */
  readonly noPeerEquivalents?: boolean;
}

export function loadSample(rule: AnyRule, sample: Sample): { fileName: string; text: string } {
  if (sample.fixture) {
    const text = readFileSync(join(FIXTURES, rule.meta.id, sample.fixture), 'utf8');
    return { fileName: sample.fileName ?? sample.fixture, text };
  }
  if (sample.text === undefined) throw new Error('a sample needs a fixture or text');
  return { fileName: sample.fileName ?? (rule.meta.target === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml'), text: sample.text };
}

export function findingsOf(rule: AnyRule, fileName: string, text: string, config?: AnalysisConfig, workspaceFiles?: Readonly<Record<string, string>>): readonly Finding[] {
  const workspace = rule.meta.scope === 'workspace' ? workspaceOf(rule, workspaceFiles ?? {}) : undefined;
  const result = analyze({ fileName, text }, { rules: ruleSetOf(rule), ...(config ? { config } : {}), ...(workspace ? { workspace } : {}) });
  const internal = result.problems.filter((problem) => problem.kind === 'internal');
  assert.deepEqual(internal, [], `rule ${rule.meta.id} threw`);
  return result.findings;
}

/** A workspace index holding the objects of `files`, as the language server and the CLI build it. */
export function workspaceOf(rule: AnyRule, files: Readonly<Record<string, string>>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [fileName, text] of Object.entries(files)) index.set(fileName, analyze({ fileName, text }, { rules: ruleSetOf(rule) }).objects);
  return index;
}

/** 1-based line/column range of a finding, as the expectations are written. */
export function positionsOf(text: string, finding: Finding) {
  const lines = lineStarts(text);
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < lines.length && lines[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - lines[line]! + 1 };
  };
  const start = at(finding.range.start);
  const end = at(finding.range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, messageId: finding.messageId };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function sampleName(sample: Sample, index: number): string {
  return sample.name ?? sample.fixture ?? `inline sample ${index + 1}`;
}

export function testRule(rule: AnyRule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      assert.match(rule.meta.id, /^(dockerfile|k8s|compose)\/[a-z0-9-]+$/);
      assert.ok(rule.meta.title.length > 0 && rule.meta.rationale.length > 0 && rule.meta.remediation.length > 0);
      assert.ok(Object.keys(rule.meta.messages).length > 0);
      const hasPeer = Object.values(rule.meta.equivalents).some((ids) => ids && ids.length > 0);
      if (tests.noPeerEquivalents) assert.ok(!hasPeer, 'noPeerEquivalents is set but equivalents name a peer id');
      else assert.ok(hasPeer, 'equivalents must name a peer id');
      assert.ok(tests.valid.length > 0 && tests.invalid.length > 0, 'a rule needs passing and failing samples');
    });

    tests.valid.forEach((sample, index) => {
      it(`passes: ${sampleName(sample, index)}`, () => {
        const { fileName, text } = loadSample(rule, sample);
        const findings = findingsOf(rule, fileName, text, sample.config, sample.workspace);
        assert.deepEqual(findings.map((finding) => positionsOf(text, finding)), []);
      });
    });

    tests.invalid.forEach((sample, index) => {
      it(`fails: ${sampleName(sample, index)}`, () => {
        const { fileName, text } = loadSample(rule, sample);
        const findings = findingsOf(rule, fileName, text, sample.config, sample.workspace);
        assert.deepEqual(
          findings.map((finding) => positionsOf(text, finding)),
          sample.findings.map(({ line, column, endLine, endColumn, messageId }) => ({ line, column, endLine, endColumn, messageId })),
        );
        sample.findings.forEach((expected, at) => {
          for (const part of expected.messageIncludes ?? []) assert.ok(findings[at]!.message.includes(part), `message "${findings[at]!.message}" lacks "${part}"`);
          if (expected.severity) assert.equal(findings[at]!.severity, expected.severity);
          assert.ok(!/(?<!\$)\{\w+\}/.test(findings[at]!.message), `unfilled placeholder in "${findings[at]!.message}"`);
        });
        if (sample.noFix) assert.ok(findings.every((finding) => !finding.fix), 'expected no fix');
        const golden = sample.fixedFixture
          ? readFileSync(join(FIXTURES, rule.meta.id, sample.fixedFixture), 'utf8')
          : sample.fixedText;
        if (golden === undefined) return;
        assertFixProduces(rule, fileName, text, golden, sample.remainingAfterFix ?? 0, sample.config, sample.workspace);
      });
    });
  });
}

/** Applies the rule's fixes until none is left (at most 10 passes) and checks the result. */
export function assertFixProduces(rule: AnyRule, fileName: string, text: string, golden: string, remaining = 0, config?: AnalysisConfig, workspaceFiles?: Readonly<Record<string, string>>): void {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = findingsOf(rule, fileName, current, config, workspaceFiles).flatMap((finding) => (finding.fix ? [finding.fix.edits] : []));
    if (fixes.length === 0) break;
    current = applyEdits(current, mergeNonOverlapping(fixes));
  }
  assert.equal(current, golden, 'fixed output differs from the golden file');
  const workspace = rule.meta.scope === 'workspace' ? workspaceOf(rule, workspaceFiles ?? {}) : undefined;
  const reanalysed = analyze({ fileName, text: current }, { rules: ruleSetOf(rule), ...(config ? { config } : {}), ...(workspace ? { workspace } : {}) });
  assert.deepEqual(reanalysed.problems, [], 'fixed output must parse without problems');
  assert.equal(reanalysed.findings.length, remaining, `findings after fixing: ${reanalysed.findings.map((f) => f.message).join('; ')}`);
}
