/**
 * The VS Code side of Bulkhead: starts the language server (dist/server.js) over IPC and hands
 * it the Dockerfile, Kubernetes and Compose documents. Everything else lives in the server.
 */
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Documents the server analyses: by language id and by the file names of SPEC §1. */
export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { scheme: 'file', pattern: '**/{Dockerfile,Containerfile}{,.*}' },
  { scheme: 'file', pattern: '**/*.{Dockerfile,dockerfile,Containerfile}' },
  { scheme: 'untitled', language: 'dockerfile' },
];

export async function activate(context: ExtensionContext): Promise<void> {
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
  };
  client = new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('bulkhead.restartServer', async () => {
      await client?.restart();
    }),
    commands.registerCommand('bulkhead.showOutput', () => outputChannel.show(true)),
    workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('bulkhead.enable') && client) {
        const enabled = workspace.getConfiguration('bulkhead').get<boolean>('enable', true);
        if (!enabled && client.isRunning()) await client.stop();
        else if (enabled && !client.isRunning()) await client.start();
      }
    }),
  );
  if (workspace.getConfiguration('bulkhead').get<boolean>('enable', true)) await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
