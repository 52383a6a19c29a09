/**
 * An LSP test client: spawns the *bundled* server (`dist/server.js --stdio`) and speaks real
 * JSON-RPC to it with vscode-jsonrpc, so bundling mistakes fail these tests too. Waiting is
 * always on a message with a timeout, never a sleep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'server.js');
/** Inputs of the server bundle: when any is newer than dist/server.js, the bundle is rebuilt. */
const BUNDLE_INPUTS = [join(ROOT, 'server', 'src'), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), join(ROOT, 'scripts', 'build.mjs')];

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Rejects when `promise` does not settle within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let bundleCopy: Promise<string> | undefined;

/**
 * A private copy of the bundled server, built first when missing or stale. Test files run in
 * parallel processes and `scripts/build.mjs` empties dist/ first, so the build runs under a
 * lock and each process spawns its own copy.
 */
export function serverBundle(): Promise<string> {
  bundleCopy ??= withBuildLock(() => {
    if (isStale()) {
      const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    }
    const directory = mkdtempSync(join(tmpdir(), 'bulkhead-lsp-test-'));
    copyFileSync(BUNDLE, join(directory, 'server.js'));
    if (existsSync(`${BUNDLE}.map`)) copyFileSync(`${BUNDLE}.map`, join(directory, 'server.js.map'));
    process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
    return join(directory, 'server.js');
  });
  return bundleCopy;
}

function isStale(): boolean {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return BUNDLE_INPUTS.some((input) => newestMtime(input) > built);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Runs `work` holding a lock directory shared by all test processes (stale after a minute). */
async function withBuildLock<T>(work: () => T): Promise<T> {
  const lock = join(tmpdir(), `bulkhead-lsp-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 50)); // polling another process's lock, not waiting on the server
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface ClientOptions {
  /** The `bulkhead` section answered to `workspace/configuration` (mutable through `client.settings`). */
  readonly settings?: Record<string, unknown>;
  /** Whether the client declares `workspace.configuration` (default true). */
  readonly configuration?: boolean;
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: Record<string, unknown>;
  /** Capabilities merged over CLIENT_CAPABILITIES' `workspace` and `window` sections. */
  readonly workspaceCapabilities?: ClientCapabilities['workspace'];
  readonly windowCapabilities?: ClientCapabilities['window'];
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
  },
};

interface Waiter {
  readonly matches: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export class TestClient {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  /** Server → client `workspace/configuration` requests received. */
  readonly configurationRequests: ConfigurationParams[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  stderr = '';
  private readonly waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
    options: ClientOptions,
  ) {
    this.settings = { ...options.settings };
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (!waiter.matches(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params);
    });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'bulkhead' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const bundle = await serverBundle();
    const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    const folders = options.workspaceFolders ?? ['file:///tmp/x'];
    const capabilities: ClientCapabilities = {
      ...CLIENT_CAPABILITIES,
      workspace: { ...CLIENT_CAPABILITIES.workspace, ...options.workspaceCapabilities, ...(options.configuration === false ? { configuration: false } : {}) },
      ...(options.windowCapabilities ? { window: options.windowCapabilities } : {}),
    };
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri) => ({ uri, name: uri.split('/').pop() })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    client.notify('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return within(this.connection.sendRequest<R>(method, params), timeoutMs, `the response to ${method}`);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = languageOf(uri), version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a content change without a range is valid under incremental sync). */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The first publish for `uri` at `version`, already received or still to come. */
  diagnosticsFor(uri: string, version: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const matches = (params: PublishDiagnosticsParams): boolean => params.uri === uri && params.version === version;
    const seen = this.published.find(matches);
    return seen ? Promise.resolve(seen) : this.waitFor(matches, timeoutMs, `diagnostics for ${uri} v${version}`);
  }

  /** A publish for `uri` satisfying `matches`, already received or still to come. */
  nextOrSeen(uri: string, matches: (params: PublishDiagnosticsParams) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find((params) => params.uri === uri && matches(params));
    return seen ? Promise.resolve(seen) : this.nextDiagnostics(uri, matches, timeoutMs);
  }

  /** The next publish for `uri` (received after this call) that satisfies `matches`. */
  nextDiagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitFor((params) => params.uri === uri && matches(params), timeoutMs, `the next diagnostics for ${uri}`);
  }

  /** Shuts the server down as a client does and resolves with its exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    const code = await within(this.exited, DEFAULT_TIMEOUT_MS, 'the server process to exit');
    this.connection.dispose();
    return code;
  }

  /** For `after` hooks: stop gracefully if still running, kill otherwise. */
  async dispose(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.stop();
    } catch {
      this.child.kill();
    }
  }

  private waitFor(matches: (params: PublishDiagnosticsParams) => boolean, timeoutMs: number, what: string): Promise<PublishDiagnosticsParams> {
    const waiter = { matches, resolve: (_: PublishDiagnosticsParams) => {} };
    const promise = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter.resolve = resolve;
    });
    this.waiters.push(waiter);
    return within(promise, timeoutMs, what).finally(() => {
      const index = this.waiters.indexOf(waiter);
      if (index >= 0) this.waiters.splice(index, 1);
    });
  }
}

export function languageOf(uri: string): string {
  return /\.ya?ml$/i.test(uri) ? 'yaml' : 'dockerfile';
}

/** The edits a workspace edit makes to `uri` (from `documentChanges` or `changes`). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []));
  return [...fromDocumentChanges, ...(edit.changes?.[uri] ?? [])].filter((change): change is TextEdit => 'range' in change && 'newText' in change);
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  return TextDocument.applyEdits(TextDocument.create(uri, languageOf(uri), 0, text), editsFor(edit, uri));
}

export function findAction(actions: readonly CodeAction[] | null, title: string | RegExp): CodeAction | undefined {
  return (actions ?? []).find((action) => (typeof title === 'string' ? action.title === title : title.test(action.title)));
}

/** A diagnostic's message as text (LSP 3.18 allows markup content too). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Only the diagnostics of one rule (or problem code): other rules are added concurrently. */
export function withCode<T extends { code?: number | string }>(diagnostics: readonly T[], code: string): T[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}
