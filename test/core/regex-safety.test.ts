/**
 * ReDoS check of every regular expression literal in server/src (issue #9). The engine runs on
 * every keystroke and on whole repositories, over text anyone can write: one regex that
 * backtracks catastrophically on a long line would freeze the editor.
 *
 * The literals are read from the sources with the TypeScript compiler API (no module is
 * imported, so nothing needs exporting), then each runs against adversarial 100 KB inputs in a
 * worker thread: a run over {@link RUN_LIMIT_MS} stops the worker (a regex cannot be interrupted
 * otherwise) and fails the test with the regex and the input. A linear scan of 100 KB takes
 * about a millisecond; catastrophic (exponential) backtracking takes hours and quadratic
 * backtracking seconds to minutes, so the bound is generous without letting either through.
 *
 * A second, static check flags nested quantifiers (`(a+)+`, the safe-regex heuristic); the
 * ones reviewed as safe are listed with the reason.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = join(ROOT, 'server', 'src');
/** Generous: a linear run of 100 KB is ~1 ms even on a loaded 2-core machine. */
const RUN_LIMIT_MS = 2_000;
const INPUT_LENGTH = 100_000;

interface FoundRegex {
  readonly source: string;
  readonly flags: string;
  /** `file:line`, for messages. */
  readonly where: string;
  /** How the code runs it: see {@link usageOf}. */
  readonly usage: 'once' | 'every-match';
}

interface DynamicRegex {
  readonly where: string;
  readonly text: string;
}

function sourceFiles(): string[] {
  return readdirSync(SOURCES, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(SOURCES, file))
    .sort();
}

/** Every regex literal and every `new RegExp(…)` / `RegExp(…)` call of server/src. */
function collectRegexes(): { literals: FoundRegex[]; dynamic: DynamicRegex[] } {
  const literals: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const flags = text.slice(slash + 1);
        literals.push({ source: text.slice(1, slash), flags, where: where(node), usage: usageOf(node, flags) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push({ where: where(node), text: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/**
 * `once` when the code runs the literal for one match (`/re/.test(s)`, `/re/.exec(s)`,
 * `s.replace(/re/, …)` without `g`); otherwise, also for a regex kept in a constant whose uses
 * are not looked at, `every-match`: as `split`, `matchAll` or a global `replace` run it, from
 * every position of the text, which is where quadratic backtracking shows.
 */
function usageOf(node: ts.Node, flags: string): FoundRegex['usage'] {
  if (flags.includes('g') || flags.includes('y')) return 'every-match';
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ['test', 'exec'].includes(parent.name.text)) return 'once';
  if (ts.isCallExpression(parent) && parent.arguments[0] === node && ts.isPropertyAccessExpression(parent.expression) && ['replace', 'match', 'search'].includes(parent.expression.name.text)) {
    return 'once';
  }
  return 'every-match';
}

/**
 * Regexes built at run time, each reviewed: what goes into it and why it cannot backtrack
 * badly. A new one fails the test until it is reviewed and listed here.
 */
const REVIEWED_DYNAMIC: Readonly<Record<string, string>> = {
  'server/src/core/rules/dockerfile/run-security-insecure.ts': 'The Dockerfile escape character (one character, escaped) between `[ \\t]*` runs: linear.',
};

/** The same check as the rest of the file, inside a worker so a runaway regex can be stopped. */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const N = workerData.length;
const fill = (unit, length = N) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64 = Array.from({ length: N }, () => BASE64[Math.floor(random() * 64)]).join('');
// Units repeated to 100 KB, each also followed by a character no pattern expects at the end.
const UNITS = ['a', 'A', '0', '1', ' ', '\t', '\n', '\r\n', 'ab', 'aA', 'a=', 'a:', 'a: ', 'a,', ' a', 'a ', '\${', '\${a', '$(', '{{', '}}', '"', "'", '\\\\', '/', '//', '-', '--', '.', '..', ':', '::', ',', ', ', ';', '#', '@', '*', '<', '<>', '[', '()', '=', '_', 'a.', 'a-', 'a/', 'a_', 'a@', 'a:/', ' -', ' --', ' and '];
const fixed = [base64, base64 + '=!'];
for (const unit of UNITS) fixed.push(fill(unit, N - 1) + '\u0001');
// Near matches: a plausible start, then a long run, then a mismatch.
for (const prefix of ['a=', 'a: ', '# ', 'x://', '-----BEGIN ', 'export a=', '"a": "', 'ENV a=', 'sha256:', 'eyJ', '--password=']) {
  for (const unit of [' ', 'a', '0', 'a ', ', ', '/', '.']) fixed.push(prefix + fill(unit, N - prefix.length - 1) + '\u0001');
}

/** Characters the pattern itself mentions: a run of them is the likeliest to keep it matching. */
function derivedInputs(source) {
  const chars = [];
  const CLASS_SAMPLES = { d: '1', w: 'a', s: ' ', S: 'a', W: '!', D: 'x', n: '\n', r: '\r', t: '\t', b: '', B: '' };
  for (let index = 0; index < source.length; index++) {
    let char = source[index];
    if (char === '\\') {
      const next = source[++index] ?? '';
      char = next in CLASS_SAMPLES ? CLASS_SAMPLES[next] : next;
    } else if ('^$|()?*+'.includes(char)) continue;
    if (char !== '' && !chars.includes(char)) chars.push(char);
  }
  const units = new Set(chars);
  // Neighbouring characters of the pattern, as pairs (a=, \${, ", …).
  for (let index = 0; index + 1 < chars.length && units.size < 40; index++) units.add(chars[index] + chars[index + 1]);
  units.add(chars.join(''));
  const inputs = [];
  for (const unit of units) inputs.push(fill(unit, N - 1) + '\u0001');
  return inputs;
}

for (let regexIndex = workerData.from; regexIndex < workerData.regexes.length; regexIndex++) {
  const found = workerData.regexes[regexIndex];
  // Once, or over every match as a global replace, split or matchAll go through them.
  const once = found.usage === 'once';
  const regex = new RegExp(found.source, once || found.flags.includes('g') ? found.flags : found.flags + 'g');
  const inputs = [...fixed, ...derivedInputs(found.source)];
  let slowest = 0;
  for (const [inputIndex, input] of inputs.entries()) {
    parentPort.postMessage({ regexIndex, input: input.slice(0, 40) + (input.length > 40 ? '… (' + input.length + ' chars, ends ' + JSON.stringify(input.slice(-3)) + ')' : '') });
    const started = performance.now();
    if (once) regex.exec(input);
    else input.replace(regex, '');
    slowest = Math.max(slowest, performance.now() - started);
  }
  parentPort.postMessage({ report: { regexIndex, runs: inputs.length, slowest } });
}
parentPort.postMessage('done');
`;

interface RunReport {
  readonly regexIndex: number;
  readonly runs: number;
  readonly slowest: number;
}

interface Runaway {
  readonly regexIndex: number;
  readonly input: string;
}

/**
 * Runs the regexes from `from` on in a worker. A run over the limit stops the worker: the
 * runaway is returned with the reports so far, and the caller goes on after it.
 */
function runInWorker(regexes: readonly FoundRegex[], from: number): Promise<{ reports: RunReport[]; runaway?: Runaway }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { regexes, from, length: INPUT_LENGTH } });
    const reports: RunReport[] = [];
    let current: { regexIndex: number; input: string; since: number } | undefined;
    const stop = () => {
      clearInterval(watchdog);
      void worker.terminate();
    };
    const watchdog = setInterval(() => {
      if (!current || performance.now() - current.since < RUN_LIMIT_MS) return;
      stop();
      resolve({ reports, runaway: { regexIndex: current.regexIndex, input: current.input } });
    }, 100);
    worker.on('message', (message: { regexIndex: number; input: string } | { report: RunReport } | 'done') => {
      if (message === 'done') {
        stop();
        resolve({ reports });
      } else if ('report' in message) {
        reports.push(message.report);
      } else {
        current = { ...message, since: performance.now() };
      }
    });
    worker.on('error', (error) => {
      stop();
      reject(error);
    });
  });
}

/** Every regex, each on every input; the runaways (a run over the limit) with the reports of the others. */
async function runAll(regexes: readonly FoundRegex[]): Promise<{ reports: RunReport[]; runaways: Runaway[] }> {
  const reports: RunReport[] = [];
  const runaways: Runaway[] = [];
  for (let from = 0; from < regexes.length; ) {
    const outcome = await runInWorker(regexes, from);
    reports.push(...outcome.reports);
    if (!outcome.runaway) break;
    runaways.push(outcome.runaway);
    from = outcome.runaway.regexIndex + 1;
  }
  return { reports, runaways };
}

/**
 * Nested quantifiers (star height above one): a quantified group whose body can itself repeat,
 * as in `(a+)+` or `(?:\s*,\s*\w+)*`. Character classes and escapes are skipped; a rough
 * tokenizer is enough for a heuristic whose findings are reviewed by hand.
 */
function hasNestedQuantifier(source: string): boolean {
  const groups: { quantified: boolean }[] = [];
  let index = 0;
  const quantifierAt = (at: number): boolean => {
    const char = source[at];
    if (char === '*' || char === '+') return true;
    if (char !== '{') return false;
    const bound = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    return bound !== null && (bound[2] === undefined ? Number(bound[1]) > 1 : bound[3] === '' || Number(bound[3]) > 1);
  };
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\\') {
      index += 2;
      if (quantifierAt(index) && groups.length > 0) groups[groups.length - 1]!.quantified = true;
      continue;
    }
    if (char === '[') {
      index++;
      while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
      index++;
      if (quantifierAt(index) && groups.length > 0) groups[groups.length - 1]!.quantified = true;
      continue;
    }
    if (char === '(') {
      groups.push({ quantified: false });
      index++;
      continue;
    }
    if (char === ')') {
      const group = groups.pop();
      index++;
      if (group && quantifierAt(index)) {
        if (group.quantified) return true;
        if (groups.length > 0) groups[groups.length - 1]!.quantified = true;
      } else if (group?.quantified && groups.length > 0) {
        groups[groups.length - 1]!.quantified = true;
      }
      continue;
    }
    index++;
    if (quantifierAt(index) && groups.length > 0) groups[groups.length - 1]!.quantified = true;
  }
  return false;
}

/** Nested quantifiers reviewed as safe: each inner repetition is fenced by a character the outer one must consume. */
const REVIEWED_NESTED: Readonly<Record<string, string>> = {
  '/#\\s*checkov:skip\\s*=\\s*([A-Za-z0-9_]+(?:\\s*,\\s*[A-Za-z0-9_]+)*)(?::(.*))?/': 'Each repetition starts with a `,` no id contains.',
  '/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/': 'Each repetition ends with a space the word cannot contain.',
  '/^#!\\s*(?:\\S*\\/)?(?:env\\s+(?:-\\S+\\s+)*)?(?:sh|bash|dash|ash|zsh|ksh|mksh)(?:\\s|$)/': 'Each option is `-` and non-blanks ended by blanks: `\\S+` and `\\s+` cannot trade characters.',
  '/^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/': 'Each repetition starts with an operator (`-+=`) the permission letters exclude.',
  '/^-mpip\\d*(?:\\.\\d+)*$/': 'Each repetition starts with a `.` digits exclude.',
  '/^pip(?:\\d+(?:\\.\\d+)*)?$/': 'Each repetition starts with a `.` digits exclude.',
  '/^python(?:\\d+(?:\\.\\d+)*)?$/': 'Each repetition starts with a `.` digits exclude.',
};

describe('regular expressions (ReDoS)', () => {
  const { literals, dynamic } = collectRegexes();

  it('finds the regex literals of server/src', () => {
    // A sanity check of the extraction itself: the engine has hundreds.
    assert.ok(literals.length > 200, `found only ${literals.length}`);
    for (const found of literals) assert.doesNotThrow(() => new RegExp(found.source, found.flags), found.where);
  });

  it('every regex built at run time is reviewed', () => {
    const unreviewed = dynamic.filter((found) => !(found.where.replace(/:\d+$/, '') in REVIEWED_DYNAMIC)).map((found) => `${found.where} ${found.text}`);
    assert.deepEqual(unreviewed, []);
    const built = new Set(dynamic.map((found) => found.where.replace(/:\d+$/, '')));
    assert.deepEqual(Object.keys(REVIEWED_DYNAMIC).filter((path) => !built.has(path)), [], 'reviewed files that no longer build a regex (stale entries)');
  });

  it('the checks catch what they are for: (a+)+ flagged, and stopped on a near match', async () => {
    assert.ok(hasNestedQuantifier('^(a+)+$') && hasNestedQuantifier('(?:\\s*,\\s*\\w+)*') && hasNestedQuantifier('(?:x\\d{2,})+'));
    assert.ok(!hasNestedQuantifier('(ab)+') && !hasNestedQuantifier('[(a+)]+') && !hasNestedQuantifier('(a+)?'));
    const { runaways } = await runAll([{ source: '^(a+)+$', flags: '', where: 'here', usage: 'once' }]);
    assert.equal(runaways.length, 1);
  });

  it('no regex literal has unreviewed nested quantifiers', () => {
    const unreviewed = literals.filter((found) => hasNestedQuantifier(found.source) && !(`/${found.source}/` in REVIEWED_NESTED)).map((found) => `/${found.source}/ (${found.where})`);
    assert.deepEqual(unreviewed, []);
  });

  it(`every regex literal stays under ${RUN_LIMIT_MS} ms on adversarial ${INPUT_LENGTH / 1000} KB inputs`, { timeout: 120_000 }, async () => {
    // The same regex used the same way is run once.
    const unique = [...new Map(literals.map((found) => [`/${found.source}/${found.flags} ${found.usage}`, found])).values()];
    const { reports, runaways } = await runAll(unique);
    const describeRunaway = ({ regexIndex, input }: Runaway) => `/${unique[regexIndex]!.source}/${unique[regexIndex]!.flags} (${unique[regexIndex]!.where}) on ${JSON.stringify(input)}`;
    assert.deepEqual(runaways.map(describeRunaway), [], `over ${RUN_LIMIT_MS} ms (catastrophic backtracking)`);
    assert.equal(reports.length, unique.length);
    const slowest = reports.reduce((worst, report) => (report.slowest > worst.slowest ? report : worst));
    const runs = reports.reduce((sum, report) => sum + report.runs, 0);
    const found = unique[slowest.regexIndex]!;
    console.log(`${unique.length} regexes, ${runs} runs; slowest /${found.source}/ (${found.where}): ${slowest.slowest.toFixed(1)} ms`);
  });
});
