/**
 * Node.js entry of the Bulkhead language server (`bulkhead-ls`, `dist/server.js`). The
 * connection picks its transport from the command line: `--stdio`, `--node-ipc` (VS Code) or
 * `--socket=<port>`. Test-only hooks are read from the environment once, here (see lsp/test-hooks).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { standardHost } from './lsp/host';
import { startServer } from './lsp/server';
import { testHookOptions } from './lsp/test-hooks';
import { nodeWorkspaceFiles } from './node/workspace-files';

startServer(createConnection(ProposedFeatures.all), { ...standardHost(), files: nodeWorkspaceFiles() }, testHookOptions(process.env));
