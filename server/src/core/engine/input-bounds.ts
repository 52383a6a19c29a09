/**
 * The bounds of one analysis (issue #9). The language server analyses on every keystroke and the
 * CLI whole repositories, so no input may hang them or exhaust their memory: a file beyond a
 * bound is not analysed, and gets one info problem that says why instead of findings.
 *
 * The limits were set by measuring analyze() on a 2-core machine (Node 20, CPU time); the
 * figures are in the README's "Limits" section, and test/core/bounds.test.ts keeps them true.
 */
import type { AnalysisProblem, OffsetRange } from './types';

/** YAML files (and any file) above this size are not analysed: 9.9 MB of CRDs take ~4.5 s. */
export const MAX_ANALYZED_BYTES = 10 * 1024 * 1024;

/**
 * Dockerfiles are parsed by slower parsers (the Dockerfile's, then a shell parser per `RUN`):
 * 512 KB of dense instructions take ~3 s. Real Dockerfiles stay under 50 KB.
 */
export const MAX_DOCKERFILE_BYTES = 512 * 1024;

/**
 * What rules run on, per file: YAML documents, the items of a `List`, the services of a Compose
 * file. Rules cost up to ~1 ms per resource and findings memory: 100,000 tiny Pods took 36 s and
 * 2.6 GB; 10,000 Deployments take ~10 s (an edit after that ~0.3 s: unchanged documents are reused).
 */
export const MAX_RESOURCES = 10_000;

/**
 * Findings per analysis. One document can hold any number of containers (a single-line Pod of
 * 22,000 containers: 264,000 findings, 4 s, 350 MB): past this many, ~300 MB, the analysis stops.
 */
export const MAX_FINDINGS = 200_000;

/** The input is beyond a bound: thrown from deep in an analysis, turned into a result by analyze(). */
export class InputBoundExceeded extends Error {
  constructor(readonly problem: AnalysisProblem) {
    super(problem.message);
  }
}

/**
 * Checks of the text itself, before anything parses it: its size and, for YAML, how many
 * documents it holds (counting `---` lines, without parsing 100,000 documents first).
 */
export function textBoundProblem(text: string, kind: 'dockerfile' | 'yaml'): AnalysisProblem | undefined {
  const tooLarge = sizeBoundProblem(text.length, kind);
  if (tooLarge) return tooLarge;
  if (kind === 'yaml') {
    const documents = documentCount(text, MAX_RESOURCES + 1);
    if (documents > MAX_RESOURCES) return tooManyResources(`more than ${MAX_RESOURCES.toLocaleString('en')} YAML documents`);
  }
  return undefined;
}

/**
 * The size check alone, for a file known only by its size: the workspace scan and the CLI never
 * read a file above {@link MAX_ANALYZED_BYTES} (sizes in characters or bytes: the same bound).
 */
export function sizeBoundProblem(size: number, kind: 'dockerfile' | 'yaml'): AnalysisProblem | undefined {
  const limit = kind === 'dockerfile' ? MAX_DOCKERFILE_BYTES : MAX_ANALYZED_BYTES;
  if (size <= limit) return undefined;
  const what = kind === 'dockerfile' ? ' for a Dockerfile' : '';
  return notAnalysed(`it is ${sizeOf(size)}, above Bulkhead's limit of ${limitOf(limit)}${what}.`);
}

/** The findings counted so far by the analysis under way (analyze() is synchronous; see {@link withinFindingBound}). */
let findingCount: { value: number } | undefined;

/** Runs an analysis with its own count of findings (the one under way, if any, is put back after). */
export function withinFindingBound<T>(analysis: () => T): T {
  const outer = findingCount;
  findingCount = { value: 0 };
  try {
    return analysis();
  } finally {
    findingCount = outer;
  }
}

/** Counts one finding (the rule runner calls it); past {@link MAX_FINDINGS} throws {@link InputBoundExceeded}. */
export function countFinding(): void {
  if (findingCount && ++findingCount.value > MAX_FINDINGS) {
    throw new InputBoundExceeded(notAnalysed(`it has more than ${MAX_FINDINGS.toLocaleString('en')} findings, above Bulkhead's limit. Split it, or fix the commonest findings first.`));
  }
}

/** Out of stack or beyond a bound: what a rule must not swallow, so that analyze() reports it once. */
export function isBoundError(error: unknown): boolean {
  return error instanceof InputBoundExceeded || isStackOverflow(error);
}

/** Throws {@link InputBoundExceeded} when a file holds more resources than {@link MAX_RESOURCES}. */
export function checkResourceCount(count: number): void {
  if (count > MAX_RESOURCES) throw new InputBoundExceeded(tooManyResources(`${count.toLocaleString('en')} resources`));
}

/**
 * A file nested so deeply (`[[[[…` 10,000 times, 5,000 `&&` in one `RUN`) that a parser or a
 * rule ran out of stack. The YAML parser recovers by itself (a syntax error); this is for the
 * others, whose RangeError would otherwise escape analyze().
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export function tooDeepProblem(): AnalysisProblem {
  return notAnalysed('it is nested too deeply for Bulkhead (the analysis ran out of stack).');
}

/**
 * A `RUN` script nested beyond the shell reader's bound (dockerfile/shell-syntax.ts,
 * MAX_SHELL_NESTING: hundreds of commands in one `&&` list) is not read, like one that does not
 * parse; unlike a half-typed one, it gets an info problem at the instruction, or its commands
 * would go unchecked without a word.
 */
export function unreadScriptProblems(instructions: readonly { readonly keyword: string; readonly range: OffsetRange; readonly shell: { readonly error?: string } | undefined }[]): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  for (const instruction of instructions) {
    const error = instruction.keyword === 'RUN' ? instruction.shell?.error : undefined;
    if (error?.startsWith('nested deeper than')) {
      problems.push({ kind: 'input', severity: 'info', range: instruction.range, message: `RUN script not analysed: ${error}.` });
    }
  }
  return problems;
}

function tooManyResources(found: string): AnalysisProblem {
  return notAnalysed(`it holds ${found}, above Bulkhead's limit of ${MAX_RESOURCES.toLocaleString('en')} (documents, List items and Compose services count). Split it to have it analysed.`);
}

/** One info problem, about the whole file (no range: the editor shows it on the first line). */
function notAnalysed(why: string): AnalysisProblem {
  return { kind: 'input', severity: 'info', message: `File not analysed: ${why}` };
}

/** A file's size: `600 KB` (rounded up, so it never reads as the limit), `11.0 MB`. */
function sizeOf(length: number): string {
  return length < 1048576 ? `${Math.ceil(length / 1024)} KB` : `${(length / 1048576).toFixed(1)} MB`;
}

/** A limit: `512 KB`, `10 MB`. */
function limitOf(bytes: number): string {
  return bytes < 1048576 ? `${bytes / 1024} KB` : `${bytes / 1048576} MB`;
}

/**
 * YAML documents in the text, counted by their `---` lines (three dashes, then a blank or the
 * line end, as yaml-chunks cuts them) up to `stopAt`: the first document, plus one per marker
 * after the text's start.
 */
function documentCount(text: string, stopAt: number): number {
  let count = 1;
  for (let newline = text.indexOf('\n---'); newline >= 0 && count < stopAt; newline = text.indexOf('\n---', newline + 4)) {
    const after = text.charCodeAt(newline + 4);
    // A blank, a line break, or the end of the text (NaN).
    if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13) count++;
  }
  return count;
}
