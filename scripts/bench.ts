/**
 * `npm run bench`: what users feel, measured in one run on this machine, each figure next to a
 * baseline measured in the same run (never a timed assertion in a test).
 *
 *  1. Per-edit latency through the real server over stdio (edit → diagnostics published), on a
 *     3,000-line multi-document manifest and a 300-line Dockerfile, against the parse floor
 *     (`yaml` / `dockerfile-ast` parsing the same text in-process).
 *  2. In-process analysis of a typical Dockerfile against its parse time.
 *  3. Workspace scan of a generated 10,000-file tree: in the server (until its progress ends)
 *     and via the CLI; files/s and peak RSS.
 *  4. The CLI against `dockerfilelint` over the same Dockerfiles (whole process, wall time).
 *
 * Options: `--quick` runs smaller samples (for a smoke run); `--edits N` sets the edits per
 * document; `--only edits|typical|workspace`
 * runs one section; `--cpu-prof DIR` writes CPU profiles of the spawned server and CLI processes
 * into DIR (open them in Chrome DevTools or VS Code).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { parseAllDocuments } from 'yaml';
import { analyze, DEFAULT_RULE_SET } from '../server/src/core/index';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const EDITS = Number(optionValue('--edits') ?? (quick ? 15 : 60));
const TREE_FILES = quick ? 1_000 : 10_000;
const only = optionValue('--only');
const cpuProfileDir = optionValue('--cpu-prof');
/** Node options of the spawned server and CLI processes. */
const childNodeOptions = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function runs(section: 'edits' | 'typical' | 'workspace'): boolean {
  return only === undefined || only === section;
}

// ---------------------------------------------------------------- inputs

function deployment(index: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-${index}
  namespace: team-${index % 7}
  labels:
    app: service-${index}
    tier: backend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: service-${index}
  template:
    metadata:
      labels:
        app: service-${index}
    spec:
      serviceAccountName: service-${index}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: ghcr.io/acme/service-${index}:1.${index}.0
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
`;
}

function manifestOfLines(lines: number): string {
  const documents: string[] = [];
  let total = 0;
  for (let index = 0; total < lines; index++) {
    const document = deployment(index);
    documents.push(document);
    total += document.split('\n').length;
  }
  return documents.join('---\n');
}

function dockerfileOfLines(lines: number): string {
  const head = ['# syntax=docker/dockerfile:1', 'ARG GO_VERSION=1.23', 'FROM golang:${GO_VERSION}-bookworm AS build', 'WORKDIR /src'];
  const body: string[] = [];
  for (let index = 0; body.length + head.length + 8 < lines; index++) {
    body.push(
      `RUN apt-get update && apt-get install -y --no-install-recommends \\`,
      `      libfoo${index}=1.${index}.0-1 \\`,
      `    && rm -rf /var/lib/apt/lists/*`,
      `COPY pkg/module${index}/ ./pkg/module${index}/`,
      `ENV MODULE_${index}_ENABLED=true`,
    );
  }
  const tail = ['RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /out/app /app', 'USER 10001', 'EXPOSE 8080', 'HEALTHCHECK CMD ["/app", "healthcheck"]', 'ENTRYPOINT ["/app"]'];
  return [...head, ...body, ...tail].join('\n') + '\n';
}

// ---------------------------------------------------------------- statistics

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function timeMs(work: () => void, runs: number): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;

// ---------------------------------------------------------------- the server over stdio

class ServerProcess {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, (version: number | undefined) => void>();
  progressEnded: Promise<void>;
  private endProgress!: () => void;

  constructor(workspaceFolder?: string) {
    this.child = spawn(process.execPath, [...childNodeOptions, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.progressEnded = new Promise((resolve) => (this.endProgress = resolve));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => this.published.get(params.uri)?.(params.version));
    this.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      if (params.value.kind === 'end') this.endProgress();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
    this.workspaceFolder = workspaceFolder;
  }

  private readonly workspaceFolder: string | undefined;

  async initialize(): Promise<void> {
    const folder = this.workspaceFolder ? pathToFileURL(this.workspaceFolder).href : null;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: folder ? [{ uri: folder, name: 'bench' }] : null,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { debounceMs: 0, logLevel: 'error' },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves when diagnostics for `uri` at `version` are published. */
  diagnostics(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => {
      this.published.set(uri, (published) => {
        if (published === version) resolve();
      });
    });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
  }
}

/** Edit → published-diagnostics latency of `edits` single-character edits in the middle of `text`. */
async function editLatencies(fileName: string, languageId: string, text: string, editAt: number): Promise<number[]> {
  const server = new ServerProcess();
  await server.initialize();
  const uri = `file:///bench/${fileName}`;
  const opened = server.diagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await opened;
  const position = positionOf(text, editAt);
  const latencies: number[] = [];
  for (let edit = 0; edit < EDITS + 5; edit++) {
    const version = edit + 2;
    // Alternately type and delete a character inside a value, as a user editing a manifest does.
    const change = edit % 2 === 0
      ? { range: { start: position, end: position }, text: '1' }
      : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
    const published = server.diagnostics(uri, version);
    const started = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    if (edit >= 5) latencies.push(performance.now() - started); // the first edits warm the JIT up
  }
  await server.stop();
  return latencies;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

// ---------------------------------------------------------------- peak memory of a child process

/** Polls /proc for the child's peak resident set (VmHWM), in MB. Linux only. */
function watchPeakRss(pid: number): () => number {
  let peak = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // the process has exited
    }
  };
  const timer = setInterval(read, 20);
  return () => {
    read();
    clearInterval(timer);
    return peak;
  };
}

function makeTree(files: number): { folder: string; dockerfiles: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'bulkhead-bench-'));
  const dockerfiles: string[] = [];
  const typicalDockerfile = 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
  for (let index = 0; index < files; index++) {
    const directory = join(folder, `service-${Math.floor(index / 20)}`);
    mkdirSync(directory, { recursive: true });
    if (index % 2 === 0) {
      const path = join(directory, `app${index}.Dockerfile`);
      writeFileSync(path, typicalDockerfile);
      dockerfiles.push(path);
    } else {
      writeFileSync(join(directory, `deploy-${index}.yaml`), deployment(index));
    }
  }
  return { folder, dockerfiles };
}

async function main(): Promise<void> {
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  console.log(`\nBulkhead benchmark${quick ? ' (quick)' : ''} — node ${process.version}, ${EDITS} edits per document\n`);

  if (runs('edits')) {
    // 1. Per-edit latency through the server, against parse floors.
    const manifest = manifestOfLines(3_000);
    const middle = manifest.indexOf('value: info', Math.floor(manifest.length / 2)) + 'value: in'.length;
    const wholeParse = median(timeMs(() => parseAllDocuments(manifest), 20));
    const editedDocument = deployment(0);
    const documentParse = median(timeMs(() => parseAllDocuments(editedDocument), 50));
    const manifestEdits = await editLatencies('deploy.yaml', 'yaml', manifest, middle);
    console.log(`Manifest: ${manifest.split('\n').length} lines, ${manifest.split('---').length} documents`);
    console.log(`  per-edit latency via stdio   p50 ${ms(median(manifestEdits))}   p95 ${ms(percentile(manifestEdits, 95))}`);
    console.log(`  floor: yaml parse of the edited document ${ms(documentParse)} → p95 ratio ${ratio(percentile(manifestEdits, 95), documentParse)}`);
    console.log(`  floor: yaml parse of the whole file      ${ms(wholeParse)} → p95 ratio ${ratio(percentile(manifestEdits, 95), wholeParse)}`);

    const dockerfile = dockerfileOfLines(300);
    const dockerfileParse = median(timeMs(() => DockerfileParser.parse(dockerfile), 50));
    const dockerfileEdits = await editLatencies('Dockerfile', 'dockerfile', dockerfile, dockerfile.indexOf('libfoo10=') + 'libfoo'.length);
    console.log(`Dockerfile: ${dockerfile.split('\n').length} lines`);
    console.log(`  per-edit latency via stdio   p50 ${ms(median(dockerfileEdits))}   p95 ${ms(percentile(dockerfileEdits, 95))}`);
    console.log(`  floor: dockerfile-ast parse ${ms(dockerfileParse)} → p95 ratio ${ratio(percentile(dockerfileEdits, 95), dockerfileParse)}`);
  }

  if (runs('typical')) {
    // 2. In-process analysis of a typical Dockerfile.
    const typical = readFileSync(join(root, 'examples', 'api', 'Dockerfile'), 'utf8');
    const typicalParse = median(timeMs(() => DockerfileParser.parse(typical), 200));
    const typicalAnalysis = median(timeMs(() => analyze({ fileName: 'Dockerfile', text: typical }, { rules: DEFAULT_RULE_SET }), 200));
    console.log(`Typical Dockerfile in-process (${typical.split('\n').length} lines, ${DEFAULT_RULE_SET.dockerfile.length} rules)`);
    console.log(`  analysis ${ms(typicalAnalysis)}, parse ${ms(typicalParse)} → ratio ${ratio(typicalAnalysis, typicalParse)}`);
  }

  // 3. Workspace scan of a generated tree.
  if (!runs('workspace')) return;
  const tree = makeTree(TREE_FILES);
  try {
    const server = new ServerProcess(tree.folder);
    const serverPeak = watchPeakRss(server.child.pid!);
    const started = performance.now();
    await server.initialize();
    await server.progressEnded;
    const serverSeconds = (performance.now() - started) / 1000;
    const serverRss = serverPeak();
    await server.stop();
    console.log(`Workspace of ${TREE_FILES} files (half Dockerfiles, half manifests)`);
    console.log(`  in the server: ${serverSeconds.toFixed(2)} s, ${(TREE_FILES / serverSeconds).toFixed(0)} files/s, peak RSS ${serverRss.toFixed(0)} MB`);

    const cli = spawn(process.execPath, [...childNodeOptions, join(root, 'dist', 'cli.js'), 'scan', tree.folder, '--format', 'json', '--fail-on', 'none', '--output', join(tree.folder, '..', 'bench-report.json')], { stdio: 'ignore' });
    const cliPeak = watchPeakRss(cli.pid!);
    const cliStarted = performance.now();
    await new Promise((resolve) => cli.once('exit', resolve));
    const cliSeconds = (performance.now() - cliStarted) / 1000;
    console.log(`  via the CLI:   ${cliSeconds.toFixed(2)} s, ${(TREE_FILES / cliSeconds).toFixed(0)} files/s, peak RSS ${cliPeak().toFixed(0)} MB`);

    // 4. The CLI against dockerfilelint over the same Dockerfiles.
    const sample = tree.dockerfiles.slice(0, quick ? 100 : 500);
    const sampleFolder = mkdtempSync(join(tmpdir(), 'bulkhead-bench-df-'));
    sample.forEach((path, index) => {
      mkdirSync(join(sampleFolder, String(index)));
      writeFileSync(join(sampleFolder, String(index), 'Dockerfile'), readFileSync(path));
    });
    const files = sample.map((_, index) => join(sampleFolder, String(index), 'Dockerfile'));
    const wall = (command: string, args: string[]) =>
      median(timeMs(() => spawnSync(command, args, { stdio: 'ignore', maxBuffer: 64 * 1024 * 1024 }), 3));
    const ours = wall(process.execPath, [join(root, 'dist', 'cli.js'), 'scan', sampleFolder, '--format', 'json', '--fail-on', 'none']);
    const theirs = wall(process.execPath, [join(root, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint'), '--json', ...files]);
    console.log(`CLI vs dockerfilelint over the same ${files.length} Dockerfiles (whole process, median of 3)`);
    console.log(`  bulkhead ${ms(ours)}, dockerfilelint ${ms(theirs)} → ratio ${ratio(ours, theirs)}`);
    rmSync(sampleFolder, { recursive: true, force: true });
  } finally {
    rmSync(tree.folder, { recursive: true, force: true });
    rmSync(join(tree.folder, '..', 'bench-report.json'), { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
