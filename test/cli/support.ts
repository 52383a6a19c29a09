/**
 * Helpers for the CLI tests: they run the *bundled* `dist/cli.js` (so bundling mistakes are
 * caught) on real files in temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** What the CLI bundle is built from: when any is newer than dist/cli.js, it is rebuilt. */
const SOURCES = [join(ROOT, 'server', 'src', 'core'), join(ROOT, 'server', 'src', 'cli'), join(ROOT, 'package.json')];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(CLI).mtimeMs;
    return SOURCES.every((source) => newestMtime(source) <= built);
  } catch {
    return false;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ once (`node scripts/build.mjs`) unless dist/cli.js is newer than its sources, as
 * it is right after `npm test`'s build. Test files run in parallel: a lock folder makes the
 * others wait for the one that builds.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = join(tmpdir(), `bulkhead-cli-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (isFresh()) return;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // The builder just finished.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(100);
    }
  }
  try {
    if (isFresh()) return;
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`; NO_COLOR and FORCE_COLOR are cleared unless given. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its JSON report (asserting the run did not fail with exit 2). */
export function scanJson(args: readonly string[], cwd: string): { status: number | null; report: JsonReport; stderr: string } {
  const result = runCli(['scan', '--format', 'json', ...args], cwd);
  if (result.status === 2 || result.status === null) throw new Error(`scan failed (exit ${result.status}):\n${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  findings: JsonFinding[];
  errors: { file: string; message: string }[];
}

/** A fresh temporary folder holding `files` (path → content), removed after the test file. */
export function makeTree(files: Readonly<Record<string, string | Buffer>>): string {
  const root = mkdtempSync(join(tmpdir(), 'bulkhead-cli-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

let allRuleIds: string[] | undefined;

/**
 * `--rule <id>=off` for every rule except `keep`: rules are being added all the time, and a test
 * about exit codes or byte-exact fixes must not change meaning when a new rule fires too.
 */
export function onlyRules(...keep: string[]): string[] {
  allRuleIds ??= (JSON.parse(runCli(['rules', '--format', 'json'], ROOT).stdout) as { id: string }[]).map((rule) => rule.id);
  return allRuleIds.filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}=off`]);
}

export const ROOT_DOCKERFILE = 'FROM alpine:3.20\nRUN echo hello\nCMD ["sh"]\n';
export const NON_ROOT_DOCKERFILE = 'FROM alpine:3.20\nRUN echo hello\nUSER 10001\nCMD ["sh"]\n';

/** A Deployment whose container runs privileged: `privileged: true` is line 20, columns 13 to 29 (exclusive). */
export const PRIVILEGED_DEPLOYMENT = `# The API.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api   # the server
          image: registry.example.com/api:1.2.3
          securityContext:
            privileged: true
          ports:
            - containerPort: 8080
`;
