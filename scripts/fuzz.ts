/**
 * `npm run fuzz`: the long fuzz campaign. Runs every property of test/fuzz/properties.ts (the
 * ones `npm test` runs a few hundred cases of) over 100,000 cases in all, on one worker process
 * per core, and reports the cases run per property, every failure and the time taken. Exits 1 on
 * any failure.
 *
 *   --runs N          cases in all, shared evenly by the properties (default 100,000)
 *   --seed S          the campaign's seed (default: a random one, printed)
 *   --property NAME   only this property
 *   --path P          with --seed and --property: replay one failing case, as a report prints it
 *   --case FILE       run the properties (or --property) once on a case.json a report saved
 *   --jobs J          worker processes (default: one per core)
 *
 * Each failure is shrunk, saved to a temporary folder (the text as a file of its own name, and
 * case.json) and printed with the commands that replay it. A worker that answers nothing for a
 * minute is hanging: it is stopped and the case it was on is reported like any failure. The
 * slowest case of each property is saved too, for whoever wants to profile it.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCase, describeCase, describeFailure, runCampaign, saveCase, saveCounterexample, type CampaignFailure, type CampaignOutcome } from '../test/fuzz/campaign';
import type { FuzzCase } from '../test/fuzz/cases';
import { PROPERTIES, type FuzzProperty } from '../test/fuzz/properties';

const DEFAULT_RUNS = 100_000;
/** Cases per fast-check run: small enough to spread the properties over the workers evenly. */
const CHUNK_RUNS = 2_500;
const HANG_LIMIT_MS = 60_000;

/** One fast-check run a worker does. */
interface Task {
  readonly property: string;
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
}

type WorkerMessage = { readonly type: 'progress' } | { readonly type: 'done'; readonly outcome: CampaignOutcome };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, seed: { type: 'string' }, property: { type: 'string' }, path: { type: 'string' }, case: { type: 'string' }, jobs: { type: 'string' } },
  });
  const properties = values.property === undefined ? PROPERTIES : PROPERTIES.filter((property) => property.name === values.property);
  if (properties.length === 0) throw new Error(`no property ${values.property}; there are ${PROPERTIES.map((property) => property.name).join(', ')}`);
  if (values.case !== undefined) return replayCase(values.case, properties);

  const seed = integerOption(values.seed, Math.floor(Math.random() * 2 ** 31), '--seed');
  let tasks: Task[];
  if (values.path !== undefined) {
    if (values.property === undefined || values.seed === undefined) throw new Error('--path replays one case: give --property and --seed too');
    tasks = [{ property: values.property, seed, runs: 1, path: values.path }];
  } else {
    tasks = planTasks(properties, integerOption(values.runs, DEFAULT_RUNS, '--runs'), seed);
  }
  const workers = Math.min(integerOption(values.jobs, availableParallelism(), '--jobs'), tasks.length);
  const tally = new Tally(properties, tasks);
  console.log(`Fuzzing ${properties.map((property) => property.name).join(', ')}: ${tally.planned.toLocaleString('en')} cases, seed ${seed}, ${workers} worker process${workers === 1 ? '' : 'es'}`);
  await runOnWorkers(tasks, workers, (task, outcome) => tally.record(task, outcome));
  tally.printSummary(seed);
  return tally.failures > 0 ? 1 : 0;
}

/** Each property's share of the cases, in chunks of CHUNK_RUNS, each with a seed of its own. */
function planTasks(properties: readonly FuzzProperty[], runs: number, seed: number): Task[] {
  const perProperty = Math.ceil(runs / properties.length);
  const tasks: Task[] = [];
  for (let chunk = 0; chunk * CHUNK_RUNS < perProperty; chunk++) {
    properties.forEach((property, index) => {
      tasks.push({ property: property.name, seed: (seed + index * 1_000_003 + chunk) % 2 ** 31, runs: Math.min(CHUNK_RUNS, perProperty - chunk * CHUNK_RUNS) });
    });
  }
  return tasks;
}

interface PropertyTotals {
  planned: number;
  runs: number;
  failures: number;
  slowest?: CampaignOutcome['slowest'];
}

/** The campaign's figures per property; prints each failure and each finished task as they come. */
class Tally {
  private readonly totals: Map<string, PropertyTotals>;
  private readonly started = performance.now();

  constructor(properties: readonly FuzzProperty[], tasks: readonly Task[]) {
    this.totals = new Map(properties.map((property) => [property.name, { planned: 0, runs: 0, failures: 0 }]));
    for (const task of tasks) this.totals.get(task.property)!.planned += task.runs;
  }

  get planned(): number {
    return this.sum((total) => total.planned);
  }

  get failures(): number {
    return this.sum((total) => total.failures);
  }

  record(task: Task, outcome: CampaignOutcome): void {
    const total = this.totals.get(task.property)!;
    total.runs += outcome.runs;
    if (outcome.slowest && outcome.slowest.ms > (total.slowest?.ms ?? 0)) total.slowest = outcome.slowest;
    if (outcome.failure) {
      total.failures++;
      console.log(`\n${describeFailure(task.property, outcome.failure, saveCounterexample(task.property, outcome.failure))}\n`);
    }
    console.log(`${task.property}: ${total.runs.toLocaleString('en')}/${total.planned.toLocaleString('en')} cases, ${total.failures} failures, slowest case ${Math.round(total.slowest?.ms ?? 0)} ms (${elapsedSince(this.started)})`);
  }

  printSummary(seed: number): void {
    console.log('\nslowest passing case of each property (saved to profile it):');
    for (const [name, { slowest }] of this.totals) {
      if (slowest) console.log(`  ${name}, ${Math.round(slowest.ms)} ms: ${clip(describeCase(slowest.fuzzCase), 200)} → ${saveCase(`slowest-${name}`, slowest.fuzzCase, { property: name, ms: slowest.ms })}`);
    }
    const row = (name: string, cases: number, failures: number) => `${name.padEnd(12)}${cases.toLocaleString('en').padStart(10)}${String(failures).padStart(10)}`;
    console.log(`\n${'property'.padEnd(12)}${'cases'.padStart(10)}${'failures'.padStart(10)}`);
    for (const [name, total] of this.totals) console.log(row(name, total.runs, total.failures));
    console.log(`${row('total', this.sum((total) => total.runs), this.failures)}   in ${elapsedSince(this.started)} (seed ${seed})`);
  }

  private sum(of: (total: PropertyTotals) => number): number {
    return [...this.totals.values()].reduce((sum, total) => sum + of(total), 0);
  }
}

/**
 * A worker runs the tasks it is sent. Before each case it writes the case to `currentCaseFile`
 * (synchronously: if the case hangs, the file is all that is left of it) and says it is alive.
 */
function runWorker(currentCaseFile: string): void {
  const send = (message: WorkerMessage) => process.send!(message);
  process.on('message', (task: Task) => {
    const property = PROPERTIES.find((candidate) => candidate.name === task.property)!;
    const onCase = (fuzzCase: FuzzCase) => {
      writeFileSync(currentCaseFile, JSON.stringify(fuzzCase));
      send({ type: 'progress' });
    };
    send({ type: 'done', outcome: runCampaign(property, { runs: task.runs, seed: task.seed, onCase, ...(task.path !== undefined ? { path: task.path } : {}) }) });
  });
}

/**
 * Runs the tasks on `jobs` worker processes, each taking the next task when done; one that
 * hangs is killed, its case reported, and a fresh worker takes its place.
 */
function runOnWorkers(tasks: readonly Task[], jobs: number, report: (task: Task, outcome: CampaignOutcome) => void): Promise<void> {
  const queue = [...tasks];
  const folder = mkdtempSync(join(tmpdir(), 'bulkhead-fuzz-workers-'));
  return new Promise((resolve, reject) => {
    let active = 0;
    const startWorker = (slot: number) => {
      active++;
      const currentCaseFile = join(folder, `worker-${slot}.json`);
      const child = fork(import.meta.filename, ['--worker', currentCaseFile], { execArgv: ['--import', 'tsx'] });
      let task: Task | undefined;
      let lastSign = performance.now();
      const stop = () => {
        clearInterval(watchdog);
        child.removeAllListeners();
        child.kill('SIGKILL');
        active--;
      };
      const next = () => {
        task = queue.shift();
        lastSign = performance.now();
        if (task) child.send(task);
        else {
          stop();
          if (active === 0) resolve();
        }
      };
      const watchdog = setInterval(() => {
        if (!task || performance.now() - lastSign < HANG_LIMIT_MS) return;
        const hung = task;
        stop();
        const failure = hangFailure(hung, currentCaseFile);
        report(hung, { property: hung.property, runs: 1, elapsedMs: HANG_LIMIT_MS, failure });
        startWorker(slot);
      }, 1000);
      child.on('message', (message: WorkerMessage) => {
        lastSign = performance.now();
        if (message.type !== 'done') return;
        report(task!, message.outcome);
        next();
      });
      child.on('exit', (code, signal) => {
        stop();
        reject(new Error(`a fuzz worker died (exit code ${code}, signal ${signal})${task ? ` on ${task.property}, seed ${task.seed}` : ''}`));
      });
      next();
    };
    for (let slot = 0; slot < jobs; slot++) startWorker(slot);
  });
}

function hangFailure(task: Task, currentCaseFile: string): CampaignFailure {
  const fuzzCase = JSON.parse(readFileSync(currentCaseFile, 'utf8')) as FuzzCase;
  return { seed: task.seed, fuzzCase, error: `no answer for ${HANG_LIMIT_MS / 1000} s on this case: a hang (the run was stopped, so fast-check has no path to it)` };
}

/** Runs the properties once on a saved case (case.json of a failure report); 1 when one fails. */
function replayCase(file: string, properties: readonly FuzzProperty[]): number {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { readonly fuzzCase: FuzzCase };
  console.log(`Replaying ${describeCase(saved.fuzzCase)}`);
  let failures = 0;
  for (const property of properties) {
    try {
      console.log(`${property.name}: passed in ${Math.round(checkCase(property, saved.fuzzCase))} ms`);
    } catch (error) {
      failures++;
      console.log(`${property.name}: FAILED\n  ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').join('\n  ')}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function integerOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not ${value}`);
  return parsed;
}

function elapsedSince(start: number): string {
  const seconds = Math.round((performance.now() - start) / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

// Last, once every declaration above is initialised.
if (process.argv.includes('--worker')) runWorker(process.argv[process.argv.indexOf('--worker') + 1]!);
else {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
