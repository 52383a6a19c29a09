/**
 * `bulkhead scan` over large trees on several cores: worker threads (this same bundle) each run
 * the first pass on their share of the files and send back the findings and the Kubernetes
 * objects they found; once every worker has answered, each gets the whole workspace index and
 * runs the second pass (cross-file rules) on its own files. The report is the one a serial scan
 * makes, whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_RULE_SET, WorkspaceIndex, type AnalysisConfig, type WorkspaceObject } from '../core/index';
import { firstPass, secondPass, sortedReport, type FixedFile, type ReportedError, type ReportedFinding, type ScanReport } from './scan';

/** Below this many files a scan stays in one thread: starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

const WORKER_ROLE = 'bulkhead-scan-worker';

interface WorkerInput {
  readonly role: typeof WORKER_ROLE;
  readonly files: readonly string[];
  readonly cwd: string;
  readonly config: AnalysisConfig;
  readonly fix: boolean;
  readonly dryRun?: boolean;
  readonly fileConfigs?: ReadonlyMap<string, AnalysisConfig>;
}

type WorkerMessage =
  | { readonly type: 'first'; readonly findings: ReportedFinding[]; readonly errors: ReportedError[]; readonly fixed: FixedFile[]; readonly objects: [string, readonly WorkspaceObject[]][] }
  | { readonly type: 'second'; readonly findings: ReportedFinding[] }
  | { readonly type: 'failed'; readonly message: string };

type MainMessage = { readonly type: 'index'; readonly objects: [string, readonly WorkspaceObject[]][] };

/**
 * How many workers a scan of `fileCount` files uses when `--jobs` is not given. The analysis
 * allocates a lot, so the garbage collector already keeps a second core busy: measured on a
 * 2-core machine, two workers were no faster than one. Workers pay off from 3 cores up, leaving
 * one core to the collector.
 */
export function defaultJobs(fileCount: number): number {
  const cores = availableParallelism();
  return fileCount >= PARALLEL_THRESHOLD && cores > 2 ? Math.min(4, cores - 1) : 1;
}

export async function scanInParallel(files: readonly string[], options: { cwd: string; config: AnalysisConfig; fix: boolean; dryRun?: boolean; fileConfigs?: ReadonlyMap<string, AnalysisConfig> }, jobs: number, bundle: string): Promise<ScanReport> {
  const shares = Array.from({ length: jobs }, (_, job) => files.filter((_, index) => index % jobs === job));
  const workers = shares.map((share) => new Worker(bundle, { workerData: { role: WORKER_ROLE, files: share, ...options } satisfies WorkerInput }));
  try {
    const next = workers.map((worker) => messages(worker));
    const firsts = await Promise.all(next.map((queue) => queue()));
    const objects = firsts.flatMap((message) => (message.type === 'first' ? message.objects : []));
    workers.forEach((worker) => worker.postMessage({ type: 'index', objects } satisfies MainMessage));
    const seconds = await Promise.all(next.map((queue) => queue()));
    const findings: ReportedFinding[] = [];
    const errors: ReportedError[] = [];
    const fixed: FixedFile[] = [];
    for (const message of [...firsts, ...seconds]) {
      if (message.type === 'failed') throw new Error(message.message);
      findings.push(...message.findings);
      if (message.type === 'first') {
        errors.push(...message.errors);
        fixed.push(...message.fixed);
      }
    }
    return sortedReport(files.length, findings, errors, fixed);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Messages from a worker, one at a time; a worker that dies answers with `failed`. */
function messages(worker: Worker): () => Promise<WorkerMessage> {
  const received: WorkerMessage[] = [];
  const waiting: ((message: WorkerMessage) => void)[] = [];
  const deliver = (message: WorkerMessage) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else received.push(message);
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ type: 'failed', message: `a scan worker failed: ${error.message}` }));
  worker.on('exit', (code) => deliver({ type: 'failed', message: `a scan worker exited early (code ${code})` }));
  return () => new Promise((resolve) => {
    const message = received.shift();
    if (message) resolve(message);
    else waiting.push(resolve);
  });
}

/** True when this thread is a scan worker (the bundle then runs {@link runScanWorker} instead of the CLI). */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.role === WORKER_ROLE;
}

export function runScanWorker(): void {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const options = { cwd: input.cwd, rules: DEFAULT_RULE_SET, config: input.config, fix: input.fix, dryRun: input.dryRun === true, ...(input.fileConfigs ? { fileConfigs: input.fileConfigs } : {}) };
  try {
    const first = firstPass(input.files, options);
    port.postMessage({
      type: 'first',
      findings: first.findings,
      errors: first.errors,
      fixed: first.fixed,
      objects: first.withObjects.map(({ path, analysed }) => [path, analysed.result.objects]),
    } satisfies WorkerMessage);
    port.once('message', (message: MainMessage) => {
      try {
        const index = new WorkspaceIndex();
        for (const [path, objects] of message.objects) index.set(path, objects);
        port.postMessage({ type: 'second', findings: secondPass(first.withObjects, index, options) } satisfies WorkerMessage);
      } catch (error) {
        port.postMessage({ type: 'failed', message: String(error) } satisfies WorkerMessage);
      }
    });
  } catch (error) {
    port.postMessage({ type: 'failed', message: String(error) } satisfies WorkerMessage);
  }
}
