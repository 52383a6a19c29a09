/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../client/src/extension';
import { EXTENSION_ID, hasCode, waitForDiagnostics, withCode } from './helpers';

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a crashed language server', () => {
  it('is restarted: killed with SIGKILL, a document edited afterwards gets its diagnostics from a new server', async () => {
    const extension = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = extension.isActive ? extension.exports : await extension.activate();
    const before = api.serverProcessId();
    assert.ok(before !== undefined && alive(before), `the server is running (pid ${before})`);

    process.kill(before, 'SIGKILL');

    // A document that did not exist before the crash, made insecure by an edit after it: only a
    // running (new) server can report it.
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine:3.20\nUSER 10001\n' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 5, 1, 10), 'root'));
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root from the restarted server');
    assert.deepEqual(withCode(diagnostics, 'dockerfile/user-root').map((d) => [d.range.start.line, d.range.start.character]), [[1, 5]]);

    const after = api.serverProcessId();
    assert.ok(after !== undefined && after !== before, `a new server process (${before} → ${after})`);
    assert.ok(!alive(before), `the killed server (pid ${before}) is gone`);
    assert.ok(alive(after), `the new server (pid ${after}) runs`);

    // Leaves no untitled editor behind (it would ask to be saved, and show in the screenshots).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
