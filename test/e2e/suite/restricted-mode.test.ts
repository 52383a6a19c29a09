/// <reference types="mocha" />
/**
 * Runs only in the code-server runner's Restricted Mode pass (BULKHEAD_E2E_PASS=restricted: workspace
 * trust on, the folder never trusted), with Bulkhead installed from its .vsix, as VS Code gates
 * installed extensions by their `capabilities.untrustedWorkspaces`. package.json declares
 * `supported: true`, so everything works there as in a trusted workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../client/src/extension';
import { codeActions, EXTENSION_ID, fileUri, hasCode, open, waitForDiagnostics, withCode } from './helpers';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('the workspace is untrusted, and the extension is active with its server running', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opened the workspace in Restricted Mode');
    const { document } = await open('Dockerfile');
    // A disabled extension (as `supported: false` would make it here) is not listed at all.
    const extension = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is enabled in Restricted Mode`);
    // Installed from the .vsix (trust applies to installed extensions, not to one under development).
    assert.match(extension.extensionUri.path, /\/ext\/bulkhead\.bulkhead-[^/]+$/);
    const api = extension.isActive ? extension.exports : await extension.activate();
    await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root');
    assert.ok(api.serverProcessId() !== undefined, 'its language server runs');
  });

  it('diagnostics, hovers and quick fixes work on open files', async () => {
    const { document } = await open('Dockerfile');
    const [finding] = withCode(await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root'), 'dockerfile/user-root');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding!.range.start);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /dockerfile\/user-root/);
    const fixes = await codeActions(document.uri, finding!.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fixes.some((action) => action.title.includes('10001')), fixes.map((action) => action.title).join(', '));
  });

  it('the workspace scan reports files never opened', async () => {
    await waitForDiagnostics(fileUri('never-opened/compose.yaml'), hasCode('compose/privileged'), 'compose/privileged');
  });
});
