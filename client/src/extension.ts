/**
 * The VS Code side of Bulkhead: starts the language server (dist/server.js) over IPC and hands
 * it the Dockerfile, Kubernetes and Compose documents. Everything else lives in the server.
 *
 * A server that dies is started again (see restart-policy.ts); one that keeps dying is left
 * stopped, and the user is told so once, with a button to restart it.
 */
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';

let client: LanguageClient | undefined;
const restarts = new RestartPolicy();

/**
 * What `activate` returns (`extensions.getExtension('bulkhead.bulkhead').exports`): read-only
 * facts about the running extension, for its end-to-end tests and for tools.
 */
export interface BulkheadApi {
  /** The process id of the language server, or undefined while none is running. */
  serverProcessId(): number | undefined;
}

/** Documents the server analyses: by language id and by the file names of SPEC §1. */
export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { scheme: 'file', pattern: '**/{Dockerfile,Containerfile}{,.*}' },
  { scheme: 'file', pattern: '**/*.{Dockerfile,dockerfile,Containerfile}' },
  { scheme: 'untitled', language: 'dockerfile' },
];

export async function activate(context: ExtensionContext): Promise<BulkheadApi> {
  const outputChannel = window.createOutputChannel('Bulkhead', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    traceOutputChannel: outputChannel,
    synchronize: { configurationSection: 'bulkhead' },
    diagnosticCollectionName: 'bulkhead',
    errorHandler: errorHandler(outputChannel),
  };
  client = new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('bulkhead.restartServer', async () => {
      restarts.reset();
      // A server given up on (or that never started) has nothing to stop: start it.
      if (client?.isRunning()) await client.restart();
      else await startClient(outputChannel);
    }),
    commands.registerCommand('bulkhead.showOutput', () => outputChannel.show(true)),
    workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('bulkhead.enable') && client) {
        const enabled = workspace.getConfiguration('bulkhead').get<boolean>('enable', true);
        if (!enabled && client.isRunning()) await client.stop();
        else if (enabled && !client.isRunning()) {
          restarts.reset();
          await startClient(outputChannel);
        }
      }
    }),
  );
  if (workspace.getConfiguration('bulkhead').get<boolean>('enable', true)) await startClient(outputChannel);
  return { serverProcessId: () => (client?.isRunning() ? client.serverProcess?.pid : undefined) };
}

/** Starts the client; a server that cannot start is reported (by the client) and logged, not thrown out of activation. */
async function startClient(outputChannel: LogOutputChannel): Promise<void> {
  try {
    await client?.start();
  } catch (error) {
    outputChannel.error(`The Bulkhead language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Connection errors: as vscode-languageclient does (carry on for the first three, then shut
 * down). A closed connection (the server process died): restart it, unless it died more than
 * MAX_RESTARTS times in RESTART_WINDOW_MS; then leave it stopped and say so once, clearly.
 */
function errorHandler(outputChannel: LogOutputChannel): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = restarts.crashed(Date.now());
      if (decision.restart) {
        outputChannel.warn(decision.message);
        return { action: CloseAction.Restart, handled: true };
      }
      outputChannel.error(decision.message);
      Promise.resolve(window.showErrorMessage(decision.message, 'Show Output', 'Restart Server'))
        .then(async (choice) => {
          if (choice === 'Show Output') outputChannel.show(true);
          else if (choice === 'Restart Server') await commands.executeCommand('bulkhead.restartServer');
        })
        .catch((error: unknown) => outputChannel.error(`Restarting the Bulkhead language server failed: ${error instanceof Error ? error.message : String(error)}`));
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
