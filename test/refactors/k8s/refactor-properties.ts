/**
 * Golden before/after checks for Kubernetes refactorings, with the properties every refactoring
 * must have on every fixture:
 * - the output parses, and analysing it with every rule reports no problem;
 * - re-analysis no longer reports what the offer `resolves` (fewer findings of each such rule,
 *   and none that was not there before) and reports nothing new at warning or above;
 * - applying it again changes nothing (no offer for the same resource);
 * - lines outside the edited region are byte-identical, and so are the other YAML documents;
 * - created files parse and report nothing at warning or above.
 * Each fixture is checked as written and with CRLF line ends.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, DEFAULT_RULE_SET, refactorsOf, SEVERITY_ORDER, type Finding, type RefactorOffer } from '../../../server/src/core/index';
import { LineIndex } from '../../../server/src/core/engine/line-index';
import { splitYamlDocuments } from '../../../server/src/core/yaml/yaml-chunks';
import { parseYamlFile } from '../../../server/src/core/yaml/yaml-document';

export const REFACTOR_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'refactors');

/** The default configuration plus the opt-in rules (at their default severity), so `resolves` is checked for them too. */
const ALL_ON = { rules: Object.fromEntries(DEFAULT_RULE_SET.kubernetes.filter((rule) => rule.meta.optIn).map((rule) => [rule.meta.id, rule.meta.defaultSeverity])) };

export interface Outcome {
  readonly output: string;
  readonly offers: readonly RefactorOffer[];
}

/** Reads `<dir>/<name>` from the refactoring's fixture folder. */
export function fixture(id: string, name: string): string {
  return readFileSync(join(REFACTOR_FIXTURES, id, name), 'utf8');
}

/**
 * Applies every offer of `id` for the file, one after the other (re-offering after each), checks
 * the properties at each step, and returns the final text and the offers applied.
 */
export function applyAll(id: string, text: string, fileName = 'manifest.yaml'): Outcome {
  let current = text;
  const applied: RefactorOffer[] = [];
  const initial = offersOf(id, current, fileName).length;
  for (let step = 0; step < initial; step++) {
    const offers = offersOf(id, current, fileName);
    assert.equal(offers.length, initial - step, `each application removes exactly its own offer (step ${step + 1})`);
    const offer = offers[0]!;
    const output = applyEdits(current, offer.edits);
    checkStep(current, output, offer, fileName);
    applied.push(offer);
    current = output;
  }
  assert.deepEqual(offersOf(id, current, fileName).filter((offer) => offer.edits.length > 0), [], 'applying it again changes nothing');
  return { output: current, offers: applied };
}

export function offersOf(id: string, text: string, fileName = 'manifest.yaml'): RefactorOffer[] {
  return refactorsOf({ fileName, text }).filter((offer) => offer.id === id);
}

/**
 * The golden check: `before` becomes `expected` (both read from fixtures, `expected` rewritten
 * when BULKHEAD_UPDATE_GOLDEN is set), and the same holds with CRLF line ends.
 */
export function golden(id: string, name: string, options: { readonly fileName?: string; readonly crlf?: boolean } = {}): Outcome {
  const before = fixture(id, `${name}.yaml`);
  const expectedPath = join(REFACTOR_FIXTURES, id, `${name}.expected.yaml`);
  const outcome = applyAll(id, before, options.fileName);
  if (process.env.BULKHEAD_UPDATE_GOLDEN) writeFileSync(expectedPath, outcome.output);
  assert.equal(outcome.output, readFileSync(expectedPath, 'utf8'));
  if (options.crlf !== false && !before.includes('\r\n')) {
    const crlf = applyAll(id, before.replace(/\n/g, '\r\n'), options.fileName);
    assert.equal(crlf.output, outcome.output.replace(/\n/g, '\r\n'), 'the same result with CRLF line ends');
  }
  return outcome;
}

function checkStep(before: string, output: string, offer: RefactorOffer, fileName: string): void {
  // The output parses and every rule runs on it without a problem.
  const parsed = parseYamlFile(output);
  assert.deepEqual(parsed.documents.flatMap((document) => document.errors.map((error) => error.message)), [], `output parses:\n${output}`);
  const beforeFindings = analyze({ fileName, text: before }, { rules: DEFAULT_RULE_SET, config: ALL_ON }).findings;
  const result = analyze({ fileName, text: output }, { rules: DEFAULT_RULE_SET, config: ALL_ON });
  assert.deepEqual(result.problems, [], 'no analysis problem on the output');

  // What it resolves is reported less, and never in a new way.
  for (const ruleId of offer.resolves) {
    const was = beforeFindings.filter((finding) => finding.ruleId === ruleId);
    const now = result.findings.filter((finding) => finding.ruleId === ruleId);
    if (was.length > 0) assert.ok(now.length < was.length, `${ruleId} is reported less after ${offer.id}: ${now.map((finding) => finding.message).join(' | ')}`);
    assertSubset(now, was, `${ruleId} reports nothing new`);
  }
  // Nothing new at warning or above.
  const serious = (findings: readonly Finding[]) => findings.filter((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER.warning);
  assertSubset(serious(result.findings), serious(beforeFindings), 'nothing new at warning or above');

  checkUntouched(before, output, offer);
  for (const created of offer.newFiles ?? []) {
    const analysis = analyze({ fileName: created.path, text: created.text }, { rules: DEFAULT_RULE_SET });
    assert.deepEqual(analysis.problems, [], `${created.path} parses`);
    assert.deepEqual(serious(analysis.findings).map((finding) => finding.message), [], `${created.path} reports nothing at warning or above`);
  }
}

/** Findings compared by rule and message (positions move with the edits). */
function assertSubset(findings: readonly Finding[], reference: readonly Finding[], message: string): void {
  const pool = reference.map((finding) => `${finding.ruleId}: ${finding.message}`);
  for (const finding of findings) {
    const key = `${finding.ruleId}: ${finding.message}`;
    const index = pool.indexOf(key);
    assert.ok(index >= 0, `${message}: ${key}`);
    pool.splice(index, 1);
  }
}

/**
 * Lines no edit touches survive byte-identical and in order; the lines before the first edit
 * and after the last are an identical prefix and suffix; YAML documents no edit touches are
 * byte-identical in the output.
 */
function checkUntouched(before: string, output: string, offer: RefactorOffer): void {
  const lines = new LineIndex(before);
  const touched = new Set<number>();
  for (const edit of offer.edits) {
    const first = lines.positionAt(edit.start).line;
    const last = lines.positionAt(edit.end).line;
    const atLineEnd = edit.start === edit.end && edit.start === lines.lineEnd(first);
    for (let line = first; line <= last; line++) if (!(atLineEnd && line === first)) touched.add(line);
  }
  const beforeLines = before.split(/\r?\n/);
  const outputLines = output.split(/\r?\n/);
  let cursor = 0;
  beforeLines.forEach((line, index) => {
    if (touched.has(index)) return;
    while (cursor < outputLines.length && outputLines[cursor] !== line) cursor++;
    assert.ok(cursor < outputLines.length, `untouched line ${index + 1} is kept byte-identical: ${JSON.stringify(line)}`);
    cursor++;
  });
  const sorted = [...offer.edits].sort((a, b) => a.start - b.start);
  assert.equal(output.slice(0, sorted[0]!.start), before.slice(0, sorted[0]!.start), 'identical before the first edit');
  const tail = before.length - sorted[sorted.length - 1]!.end;
  assert.equal(output.slice(output.length - tail), before.slice(before.length - tail), 'identical after the last edit');

  for (const chunk of splitYamlDocuments(before)) {
    const end = chunk.start + chunk.text.length;
    if (offer.edits.some((edit) => edit.start < end && edit.end >= chunk.start && !(edit.start === end && edit.end === end))) continue;
    const shift = offer.edits.filter((edit) => edit.end <= chunk.start).reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
    assert.equal(output.slice(chunk.start + shift, end + shift), chunk.text, 'an untouched YAML document is byte-identical');
  }
}
