/**
 * The properties fuzzing checks, shared by the short campaign of `npm test` (engine.test.ts) and
 * the long one of `npm run fuzz` (scripts/fuzz.ts). Each takes one generated case and throws a
 * PropertyViolation (or whatever the engine threw) when the engine misbehaves on it.
 */
import { fixText, MAX_FIX_PASSES } from '../../server/src/cli/fix';
import { fixAllText } from '../../server/src/lsp/fix-all';
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import {
  analyze,
  applyEdits,
  classifyFileName,
  DEFAULT_RULE_SET,
  LineIndex,
  mergeNonOverlapping,
  refactorsOf,
  WorkspaceIndex,
  type AnalysisOptions,
  type AnalysisResult,
  type Finding,
  type TextEdit,
} from '../../server/src/core/index';
import { isKubernetesDocument, resourcesOf } from '../../server/src/core/kubernetes/model';
import { DOCKERFILE_REFACTORINGS, KUBERNETES_REFACTORINGS, type RefactorContext, type Refactoring } from '../../server/src/core/refactors/index';
import { parseYamlFile } from '../../server/src/core/yaml/yaml-document';
import { CONFIGS, type FuzzCase } from './cases';
import { checkEdits, checkOnlyEditedRangesChanged, checkParsesAsWell, checkRange, ensure, healthMeter } from './checks';

export interface FuzzProperty {
  readonly name: string;
  readonly description: string;
  check(fuzzCase: FuzzCase): void;
}

function optionsOf(fuzzCase: FuzzCase, extra: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return { rules: DEFAULT_RULE_SET, config: CONFIGS[fuzzCase.config], ...extra };
}

function analyzeCase(fuzzCase: FuzzCase, extra: Partial<AnalysisOptions> = {}): AnalysisResult {
  return analyze({ fileName: fuzzCase.fileName, text: fuzzCase.text }, optionsOf(fuzzCase, extra));
}

function describe(finding: Finding): string {
  return `${finding.ruleId} [${finding.range.start}, ${finding.range.end})`;
}

/** No rule threw, and every range the result holds is a valid place in the text. */
function checkResult(text: string, result: AnalysisResult, what: string): void {
  const internal = result.problems.filter((problem) => problem.kind === 'internal');
  ensure(internal.length === 0, () => `${what}: ${internal.map((problem) => problem.message).join('; ')}`);
  const lines = new LineIndex(text);
  const findings = [...result.findings, ...result.suppressedFindings.map(({ finding }) => finding)];
  for (const finding of findings) {
    checkRange(text, lines, finding.range, `${what}: finding ${describe(finding)}`);
    for (const related of finding.related ?? []) checkRange(text, lines, related.range, `${what}: related location of ${describe(finding)}`);
    if (finding.fix) checkEdits(text, lines, finding.fix.edits, `${what}: fix of ${describe(finding)}`);
  }
  for (const problem of result.problems) if (problem.range) checkRange(text, lines, problem.range, `${what}: problem "${problem.message}"`);
  for (const suppression of result.suppressions) checkRange(text, lines, suppression.range, `${what}: suppression`);
}

/** The same workspace the language server and `bulkhead scan` build: here, of this one file. */
function workspaceOf(fuzzCase: FuzzCase, result: AnalysisResult): WorkspaceIndex {
  const workspace = new WorkspaceIndex();
  workspace.set(fuzzCase.fileName, result.objects);
  return workspace;
}

const analyzeProperty: FuzzProperty = {
  name: 'analyze',
  description: 'analyze() never throws, no rule fails, and every range lies inside the text',
  check(fuzzCase) {
    const result = analyzeCase(fuzzCase);
    checkResult(fuzzCase.text, result, 'analysis');
    if (result.objects.length > 0) checkResult(fuzzCase.text, analyzeCase(fuzzCase, { workspace: workspaceOf(fuzzCase, result) }), 'analysis with the workspace (cross-file rules)');
  },
};

/** What an analysis reports, without the parts that are only caches. */
function reported(result: AnalysisResult): string {
  const { kind, findings, problems, suppressions, suppressedFindings, unusedSuppressions, objects } = result;
  return JSON.stringify({ kind, findings, problems, suppressions, suppressedFindings, unusedSuppressions, objects });
}

const incrementalProperty: FuzzProperty = {
  name: 'incremental',
  description: 'analysing after an edit, reusing the previous analysis (as the language server does), reports what a fresh analysis does',
  check(fuzzCase) {
    const previous = analyzeCase({ ...fuzzCase, text: fuzzCase.base });
    const fresh = reported(analyzeCase(fuzzCase));
    const reusing = reported(analyzeCase(fuzzCase, { previous }));
    ensure(reusing === fresh, () => `reusing the analysis of the unedited text reports differently:\nfresh:   ${fresh}\nreusing: ${reusing}`);
  },
};

/**
 * Fixes checked one by one per case: each check parses the whole file again, so a file duplicated
 * forty times over (hundreds of fixes) would cost seconds; a spread of them finds the same bugs.
 */
const MAX_FIXES_CHECKED_ALONE = 25;

/** At most `count` items, spread evenly over the list (all of them when there are few). */
function spread<T>(items: readonly T[], count: number): readonly T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

const fixesProperty: FuzzProperty = {
  name: 'fixes',
  description: 'every fix (safe or suggestion) alone, and the safe ones together, applies, changes only its ranges and keeps the file parsing',
  check(fuzzCase) {
    const { fileName, text } = fuzzCase;
    const result = analyzeCase(fuzzCase);
    const fixable = result.findings.filter((finding) => finding.fix !== undefined);
    if (fixable.length === 0) return;
    const healthOf = healthMeter(fileName);
    const health = healthOf(text);
    const lines = new LineIndex(text);
    const checkApplied = (edits: readonly TextEdit[], what: string): string => {
      checkEdits(text, lines, edits, what);
      const fixed = applyEdits(text, edits);
      checkOnlyEditedRangesChanged(text, fixed, edits, what);
      if (health?.errors === 0) checkParsesAsWell(health, healthOf(fixed), what, true);
      return fixed;
    };
    for (const finding of spread(fixable, MAX_FIXES_CHECKED_ALONE)) checkApplied(finding.fix!.edits, `fix "${finding.fix!.title}" of ${describe(finding)}`);
    // Together, as one pass of fix-all applies them: the safe ones only (suggestions are applied one
    // at a time, by hand, so two that fill the same empty value differently never meet).
    const safe = fixable.filter((finding) => finding.fix!.safe);
    if (safe.length === 0) return;
    const all = checkApplied(mergeNonOverlapping(safe.map((finding) => finding.fix!.edits)), 'all safe fixes together');
    const after = analyze({ fileName, text: all }, optionsOf(fuzzCase));
    checkResult(all, after, 'analysis of the text with all safe fixes applied');
    // (Unless a NUL byte moved into the first 8 KB, all the binary check reads, as git's does.)
    const movedNul = after.kind === 'binary' && text.includes('\u0000');
    ensure(after.kind === result.kind || movedNul, () => `the safe fixes together turned a ${result.kind} file into ${after.kind}`);
  },
};

/**
 * The refactorings themselves, called without refactorsOf's safety net (which turns a throw into
 * "no offer", hiding the bug), on the subjects refactorsOf would give them. Only for input that
 * parses: on broken input, offering nothing is what the net is there for.
 */
function callRefactoringsDirectly(fuzzCase: FuzzCase): void {
  const text = fuzzCase.text.charCodeAt(0) === 0xfeff ? fuzzCase.text.slice(1) : fuzzCase.text;
  const context: RefactorContext = { fileName: fuzzCase.fileName };
  const run = <Subject>(refactoring: Refactoring<Subject>, subject: Subject) => {
    try {
      refactoring.offers(subject, context);
    } catch (error) {
      throw new Error(`refactoring ${refactoring.id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  const kind = classifyFileName(fuzzCase.fileName);
  if (kind === 'dockerfile') {
    const model = parseDockerfile(text);
    for (const refactoring of DOCKERFILE_REFACTORINGS) run(refactoring, model);
  } else if (kind === 'yaml' && !(text.includes('{{') && text.includes('}}'))) {
    const file = parseYamlFile(text);
    if (!file.documents.some(isKubernetesDocument)) return;
    for (const resource of resourcesOf(file)) for (const refactoring of KUBERNETES_REFACTORINGS) run(refactoring, resource);
  }
}

const refactorsProperty: FuzzProperty = {
  name: 'refactors',
  description: 'refactorings never throw (on input that parses; refactorsOf on any), and each offer applies, changes only its ranges and keeps the file (and the files it adds) parsing',
  check(fuzzCase) {
    const { fileName, text } = fuzzCase;
    const healthOf = healthMeter(fileName);
    const health = healthOf(text);
    if (health?.errors === 0) callRefactoringsDirectly(fuzzCase);
    const analysis = analyzeCase(fuzzCase);
    const offers = refactorsOf({ fileName, text }, { workspace: workspaceOf(fuzzCase, analysis) });
    const lines = new LineIndex(text);
    for (const offer of offers) {
      const what = `refactoring ${offer.id} ("${offer.title}")`;
      checkRange(text, lines, offer.range, `${what}: range`);
      checkEdits(text, lines, offer.edits, what);
      const rewritten = applyEdits(text, offer.edits);
      checkOnlyEditedRangesChanged(text, rewritten, offer.edits, what);
      if (health?.errors !== 0) continue;
      checkParsesAsWell(health, healthOf(rewritten), what, false);
      for (const file of offer.newFiles ?? []) checkParsesAsWell(health, healthMeter(file.path)(file.text), `${what}: new file ${file.path}`, false);
    }
  },
};

/** Runs of --fix on its own output watched for circles and growth, after one cut off by the pass limit. */
const MAX_CONTINUED_RUNS = 10;

const fixAllProperty: FuzzProperty = {
  name: 'fix-all',
  description: `--fix (safe fixes until stable, at most ${MAX_FIX_PASSES} passes) terminates, keeps the file parsing, a second --fix changes nothing, and the editor's fix-all gives the same text`,
  check(fuzzCase) {
    const { fileName, text } = fuzzCase;
    const fix = (input: string) => fixText(fileName, input, optionsOf(fuzzCase));
    const first = fix(text);
    ensure(first.passes <= MAX_FIX_PASSES, () => `--fix made ${first.passes} passes`);
    checkResult(first.text, first.result, `analysis after --fix (${first.passes} passes)`);
    const healthOf = healthMeter(fileName);
    checkParsesAsWell(healthOf(text), healthOf(first.text), '--fix', true);
    // The language server's source.fixAll: the same loop, re-analysing with the previous analysis reused.
    const inEditor = fixAllText(text, first.initial, (next, previous) => analyze({ fileName, text: next }, optionsOf(fuzzCase, { previous })), () => true, MAX_FIX_PASSES) ?? text;
    ensure(inEditor === first.text, () => `the editor's fix-all and --fix differ:\n${JSON.stringify(inEditor)}\n${JSON.stringify(first.text)}`);
    if (first.passes < MAX_FIX_PASSES) {
      const second = fix(first.text);
      ensure(second.text === first.text, () => `--fix is not idempotent: after ${first.passes} passes, a second --fix still applied ${[...second.applied.keys()].join(', ')}:\n${JSON.stringify(first.text)}\n→\n${JSON.stringify(second.text)}`);
      return;
    }
    // Cut off by the pass limit (eleven duplicate `privileged: true`, or `sudo sudo … x`, take a pass
    // each): a second --fix goes on, by design. Slow is fine; going round in circles, or adding
    // text on every run, is not.
    const seen = new Set([text, first.text]);
    let current = first;
    let grewEveryRun = true;
    for (let run = 0; run < MAX_CONTINUED_RUNS; run++) {
      const next = fix(current.text);
      if (next.text === current.text) return;
      ensure(!seen.has(next.text), () => `--fix goes round in circles (${[...next.applied.keys()].join(', ')}): it comes back to a text it made before`);
      seen.add(next.text);
      grewEveryRun &&= next.text.length > current.text.length;
      current = next;
    }
    ensure(!grewEveryRun, () => `--fix keeps adding text: ${(MAX_CONTINUED_RUNS + 1) * MAX_FIX_PASSES} passes, longer every time (${[...current.applied.keys()].join(', ')})`);
  },
};

export const PROPERTIES: readonly FuzzProperty[] = [analyzeProperty, incrementalProperty, fixesProperty, refactorsProperty, fixAllProperty];
