/**
 * The Bulkhead language server: wires the engine to an LSP connection. Everything is built
 * inside {@link startServer} (no module state), so the Node entry, tests and a future browser
 * worker entry each get a fresh server over their own connection and host.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import { classifyFileName, DEFAULT_RULE_SET, refactorsOf, WorkspaceIndex, type RuleSet } from '../core/index';
import { createAnalyzer } from './analysis';
import { WorkspaceConfigFiles } from './config-files';
import { CODE_ACTION_KINDS, codeActions } from './code-actions';
import { toDiagnostics } from './diagnostics';
import { DocumentCache } from './document-cache';
import { fixAllText } from './fix-all';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FIX_PASSES, type ServerHost, type ServerOptions } from './host';
import { hoverAt } from './hover';
import { createLogger, describeError, isLogLevel } from './logger';
import { ValidationScheduler } from './scheduler';
import { SETTINGS_SECTION, SettingsStore, type DocumentSettings } from './settings';
import { pathOfUri, WorkspaceFolders } from './workspace';
import { WorkspaceDiagnostics } from './workspace-diagnostics';

/** `initializationOptions` a client may pass. */
export interface InitializationOptions {
  /** Quiet time after a keystroke before re-analysis (default 150 ms); 0 analyses every change (benchmarks). */
  readonly debounceMs?: number;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/** What {@link startServer} takes besides the host: the tunables, and the rules to run. */
export interface StartOptions extends ServerOptions {
  /** The rules (default: every rule Bulkhead ships). Tests inject a throwing rule through it. */
  readonly rules?: RuleSet;
}

/** Files whose changes on disk the server wants to hear about (SPEC §1's names). */
const WATCHED_FILES = '**/{*.yaml,*.yml,.bulkhead.yaml,.bulkhead.yml,Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}';

/**
 * Every handler the server registers runs through {@link guard} (requests) or {@link guardEvent}
 * (notifications), and every promise it starts without awaiting through {@link background}: an
 * exception is logged to the client's console and the server keeps serving. (A static test
 * checks that no `connection.on…`/`documents.on…` registration goes without them.)
 */
export function startServer(connection: Connection, host: ServerHost, options: StartOptions = {}): void {
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxFixPasses = options.maxFixPasses ?? DEFAULT_MAX_FIX_PASSES;
  const logger = createLogger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const index = new WorkspaceIndex();
  const analyzer = createAnalyzer(folders, options.rules ?? DEFAULT_RULE_SET, index);
  const cache = new DocumentCache(analyzer);
  let workspace: WorkspaceDiagnostics | undefined;
  let client: ClientCapabilities = {};
  let settings = new SettingsStore(undefined, (message) => logger.warn(message));
  const configFiles = new WorkspaceConfigFiles(host.files, folders, connection);
  /** A document's settings: the user's (fetched for `settingsScope`), over the `.bulkhead.yaml` files that apply to it (config-files.ts). */
  const settingsFor = async (uri: string, settingsScope = uri): Promise<DocumentSettings> => configFiles.apply(uri, await settings.forDocument(settingsScope));

  /** Runs a request handler; an exception is logged and answered with `fallback`, and the server keeps serving. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        logger.error(`${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  /** Runs a notification handler; an exception (thrown or rejected) is logged, and the server keeps serving. */
  function guardEvent<P>(name: string, handler: (params: P) => void | Promise<void>) {
    return (params: P): void => background(name, () => handler(params));
  }

  /** Runs `work` without waiting for it; a failure is logged instead of becoming an unhandled rejection (which would end the process). */
  function background(name: string, work: () => unknown): void {
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => logger.error(`${name} failed: ${describeError(error)}`));
  }

  /** The document and its settings, if the document is still at `version` once settings arrive. */
  async function current(uri: string): Promise<{ document: TextDocument; settings: DocumentSettings } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const version = document.version;
    const documentSettings = await settingsFor(uri);
    const latest = documents.get(uri);
    if (!latest || latest.version !== version) return undefined;
    return { document: latest, settings: documentSettings };
  }

  const scheduler = new ValidationScheduler(
    host,
    async (uri, isCurrent) => {
      if (configFiles.isConfigFile(pathOfUri(uri))) {
        // The configuration file itself: its problems, live as it is edited (it applies once saved).
        const document = documents.get(uri);
        if (document && isCurrent()) await connection.sendDiagnostics({ uri, version: document.version, diagnostics: configFiles.diagnosticsOf(document.getText()) });
        return;
      }
      const state = await current(uri);
      if (!state || !isCurrent()) return;
      const started = Date.now();
      const analysis = cache.get(state.document, state.settings);
      const diagnostics = toDiagnostics(uri, analysis);
      logger.debug(`Analysed ${uri} v${state.document.version} (${analysis.status}) in ${Date.now() - started} ms: ${diagnostics.length} diagnostics`);
      if (analysis.status === 'failed') logger.error(`Analysis of ${uri} failed: ${analysis.error}`);
      if (!isCurrent()) return;
      await connection.sendDiagnostics({ uri, version: state.document.version, diagnostics });
      if (analysis.status === 'analysed') await workspace?.openDocumentAnalysed(uri, analysis.result);
    },
    (uri, error) => logger.error(`Validating ${uri} failed: ${describeError(error)}`),
  );

  function revalidateAll(): void {
    for (const document of documents.all()) scheduler.schedule(document.uri, document.version, 0);
  }

  /** Re-validates an open document whose cross-file findings may have changed. */
  function revalidateOpen(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    cache.markStale(uri);
    scheduler.schedule(uri, document.version, 0);
  }

  function startWorkspaceScan(): void {
    if (!host.files) return;
    const canFetch = client.workspace?.configuration === true;
    workspace = new WorkspaceDiagnostics({
      connection,
      analyzer,
      index,
      folders,
      files: host.files,
      logger,
      settingsFor,
      filesExclude: async (scopeUri) => {
        if (!canFetch) return [];
        const raw = (await connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' })) as Record<string, unknown> | null;
        return Object.entries(raw ?? {}).filter(([, enabled]) => enabled === true).map(([glob]) => glob);
      },
      openUri: (path) => documents.all().find((document) => pathOfUri(document.uri) === path)?.uri,
      openUris: () => documents.all().map((document) => document.uri),
      revalidateOpen,
      supportsProgress: client.window?.workDoneProgress === true,
    });
    const started = workspace;
    background('Workspace scan', () => started.scan());
  }

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    const initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    if (isLogLevel(initOptions.logLevel)) logger.setLevel(initOptions.logLevel);
    if (typeof initOptions.debounceMs === 'number' && initOptions.debounceMs >= 0) debounceMs = initOptions.debounceMs;
    if (client.workspace?.configuration) {
      settings = new SettingsStore(
        (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }),
        (message) => logger.warn(message),
      );
    }
    folders.set(params.workspaceFolders ?? (params.rootUri ? [params.rootUri] : []));
    const literalCodeActions = client.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: literalCodeActions ? { codeActionKinds: CODE_ACTION_KINDS } : true,
        ...(client.workspace?.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'bulkhead', version: packageJson.version },
    };
  });

  /** Asks the client for a notification; a client that refuses is logged, and the server goes on without it. */
  async function register(what: string, registration: () => Promise<unknown>): Promise<void> {
    try {
      await registration();
    } catch (error) {
      logger.warn(`Could not register for ${what}, going on without: ${describeError(error)}`);
    }
  }

  connection.onInitialized(
    guardEvent('initialized', async () => {
      if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await register('configuration changes', () => connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }));
      }
      if (client.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardEvent('workspace/didChangeWorkspaceFolders', async (event) => {
            folders.add(event.added, event.removed);
            await configFiles.reloadAll();
            cache.clear();
            revalidateAll();
            if (workspace) await workspace.scan();
          }),
        );
      }
      if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await register('file changes', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] }));
      }
      await configFiles.reloadAll();
      startWorkspaceScan();
      logger.info(`Bulkhead language server ${packageJson.version} ready`);
    }),
  );

  connection.onDidChangeConfiguration(
    guardEvent('workspace/didChangeConfiguration', async (params) => {
      const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      settings.changed(pushed);
      cache.clear();
      logger.info('Configuration changed: re-analysing the workspace');
      revalidateAll();
      if (workspace) await workspace.scan();
    }),
  );

  documents.onDidOpen(guardEvent('didOpen', ({ document }) => scheduler.schedule(document.uri, document.version, 0)));
  documents.onDidChangeContent(guardEvent('didChange', ({ document }) => scheduler.schedule(document.uri, document.version, debounceMs)));
  documents.onDidClose(
    guardEvent('didClose', async ({ document }) => {
      scheduler.cancel(document.uri);
      cache.delete(document.uri);
      settings.forget(document.uri);
      const path = pathOfUri(document.uri);
      if (configFiles.isConfigFile(path)) return configFiles.republish(path);
      // A workspace file keeps its findings (as saved on disk); anything else loses them.
      if (!(await workspace?.documentClosed(document.uri))) await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardEvent('workspace/didChangeWatchedFiles', async ({ changes }) => {
      let configChanged = false;
      for (const change of changes) {
        const path = pathOfUri(change.uri);
        if (configFiles.isConfigFile(path)) {
          // .bulkhead.yaml changed: read it again, then analyse everything with it.
          await configFiles.reload(path.slice(0, path.lastIndexOf('/')));
          configChanged = true;
        } else if (change.type === FileChangeType.Deleted) await workspace?.fileDeleted(change.uri);
        else await workspace?.fileChanged(change.uri);
      }
      if (configChanged) {
        logger.info('.bulkhead.yaml changed: re-analysing the workspace');
        cache.clear();
        revalidateAll();
        if (workspace) await workspace.scan();
      }
    }),
  );

  connection.onHover(
    guard('textDocument/hover', null, async (params, token) => {
      const state = await current(params.textDocument.uri);
      if (!state || token.isCancellationRequested) return null;
      const analysis = cache.get(state.document, state.settings);
      return analysis.status === 'analysed' ? hoverAt(analysis.result, params.position) : null;
    }),
  );

  connection.onCodeAction(
    guard('textDocument/codeAction', [], async (params, token) => {
      const state = await current(params.textDocument.uri);
      if (!state || token.isCancellationRequested) return [];
      const { document, settings: documentSettings } = state;
      const analysis = cache.get(document, documentSettings);
      if (analysis.status !== 'analysed') return [];
      const text = document.getText();
      const snapshot = { uri: document.uri, languageId: document.languageId };
      return codeActions({
        uri: document.uri,
        version: document.version,
        text,
        result: analysis.result,
        params,
        versionedEdits: client.workspace?.workspaceEdit?.documentChanges === true,
        createFiles: client.workspace?.workspaceEdit?.documentChanges === true && (client.workspace.workspaceEdit.resourceOperations ?? []).includes('create'),
        snippetEdits: client.workspace?.workspaceEdit?.documentChanges === true && client.workspace.workspaceEdit.snippetEditSupport === true,
        wholeFileRefactors: classifyFileName(pathOfUri(document.uri), document.languageId) === 'dockerfile',
        refactors: () =>
          cache.derived(document, documentSettings, 'refactors', () =>
            refactorsOf({ fileName: pathOfUri(document.uri), text, languageId: document.languageId }, { workspace: index }),
          ),
        fixAll: (ruleId) =>
          cache.derived(document, documentSettings, `fix-all:${ruleId ?? '*'}`, () =>
            fixAllText(
              text,
              analysis.result,
              (next, previous) => analyzer.analyzeText({ ...snapshot, text: next }, documentSettings, previous),
              (finding) => ruleId === undefined || finding.ruleId === ruleId,
              maxFixPasses,
            ),
          ),
      });
    }),
  );

  connection.onShutdown(guardEvent('shutdown', () => scheduler.dispose()));

  documents.listen(connection);
  connection.listen();
}
